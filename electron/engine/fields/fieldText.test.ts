import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatOneDecimal } from './procFields';
import { globRegExp } from './containerFields';

test('proc.fdusage prints one decimal as C printf does: exact halves round to even', () => {
  assert.equal(formatOneDecimal(0), '0.0');
  assert.equal(formatOneDecimal(0.25), '0.2');
  assert.equal(formatOneDecimal(0.75), '0.8');
  assert.equal(formatOneDecimal(1.96), '2.0');
  assert.equal(formatOneDecimal(100), '100.0');
});

test('container.mount path arguments match as shell globs on the whole path', () => {
  assert.ok(globRegExp('/var/lib/kubelet/pods/*/etc-hosts').test('/var/lib/kubelet/pods/1ea1-2542/etc-hosts'));
  assert.ok(!globRegExp('/home/*').test('/homer/x'));
  assert.ok(globRegExp('/data?').test('/data1'));
  assert.ok(globRegExp('/d[ab]ta').test('/dbta'));
  assert.ok(!globRegExp('/d[!ab]ta').test('/data'));
  assert.ok(!globRegExp('/etc/hosts').test('/etc/hosts.bak'));
  assert.ok(globRegExp('/a.b').test('/a.b') && !globRegExp('/a.b').test('/axb'));
});
