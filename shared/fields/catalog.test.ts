import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIELDS, getField, lookupField, fieldsWithPrefix } from './catalog';

test('field names are unique and each has a type, a description and an availability', () => {
  const names = new Set<string>();
  for (const f of FIELDS) {
    assert.ok(!names.has(f.name), `duplicate ${f.name}`);
    names.add(f.name);
    assert.match(f.name, /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/);
    assert.ok(f.description.length > 5, f.name);
    assert.ok(['new', 'sysdig', 'both'].includes(f.since), f.name);
  }
  assert.ok(FIELDS.length > 300);
});

test('the fields the issue names are all there, with their argument kinds', () => {
  const wanted = [
    'proc.pname', 'proc.pcmdline', 'proc.aname', 'proc.apid', 'proc.loginshellid', 'proc.sname', 'proc.duration',
    'proc.is_container_healthcheck', 'thread.tid', 'fd.containername', 'fd.containerdirectory', 'fd.cip', 'fd.sip',
    'fd.lip', 'fd.rip', 'fd.cport', 'fd.sport', 'fd.lport', 'fd.rport', 'fd.is_server', 'fd.net', 'fd.cnet', 'fd.snet',
    'container.id', 'container.name', 'user.name', 'group.name', 'fs.path.name', 'syslog.facility', 'evt.is_io',
    'evt.is_io_read', 'evt.is_io_write', 'evt.is_open_read', 'evt.is_open_write', 'evt.buffer', 'evt.abspath', 'evt.count',
  ];
  for (const w of wanted) assert.ok(getField(w), w);
  assert.equal(getField('proc.aname')?.arg?.kind, 'index');
  assert.equal(getField('evt.arg')?.arg?.kind, 'index-or-name');
  assert.equal(getField('container.mount')?.arg?.kind, 'index-or-path');
  assert.equal(getField('fd.net')?.usage, 'filter');
  assert.equal(getField('evt.outputtime')?.usage, 'format');
  assert.equal(getField('fd.cip')?.type, 'IPADDR');
  assert.equal(getField('fd.sport')?.type, 'PORT');
  assert.equal(getField('evt.buffer')?.type, 'BYTEBUF');
  assert.equal(getField('fd.types')?.list, true);
});

test('dotted arguments resolve to the longest field that takes them', () => {
  assert.deepEqual(pick(lookupField('evt.arg.fd')), ['evt.arg', 'fd']);
  assert.deepEqual(pick(lookupField('evt.type.is.open')), ['evt.type.is', 'open']);
  assert.deepEqual(pick(lookupField('thread.cgroup.cpuacct')), ['thread.cgroup', 'cpuacct']);
  assert.deepEqual(pick(lookupField('evt.abspath.src')), ['evt.abspath', 'src']);
  assert.deepEqual(pick(lookupField('fd.cip.name')), ['fd.cip.name', undefined]);
  assert.equal(lookupField('proc.name.x'), undefined, 'proc.name takes no dotted argument');
  assert.equal(lookupField('nope.field'), undefined);
});

function pick(r: ReturnType<typeof lookupField>): [string, string | undefined] | undefined {
  return r && [r.field.name, r.arg];
}

test('prefix search lists a class', () => {
  const fd = fieldsWithPrefix('fd.');
  assert.ok(fd.length > 30);
  assert.ok(fd.every((f) => f.name.startsWith('fd.')));
});
