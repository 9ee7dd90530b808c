import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFilter } from './parse';
import type { FilterNode } from './ast';
import { formatFilterError } from './errors';

/** Compact rendering of a tree: (and (or …) …), checks as `field op value`. */
function show(node: FilterNode): string {
  switch (node.kind) {
    case 'and': case 'or': return `(${node.kind} ${node.children.map(show).join(' ')})`;
    case 'not': return `(not ${show(node.child)})`;
    case 'check': {
      let f = node.field.arg === undefined ? node.field.name : `${node.field.name}[${node.field.arg}]`;
      for (const t of node.field.transformers ?? []) f = `${t}(${f})`;
      const m = node.modifier ? ` ${node.modifier}` : '';
      const o = node.operand;
      const v = !o ? '' : o.kind === 'value' ? ` ${JSON.stringify(o.value.text)}` : o.kind === 'list' ? ` (${o.items.map((i) => JSON.stringify(i.text)).join(',')})` : ` val(${(o.field.transformers ?? []).reduce((a, t) => `${t}(${a})`, o.field.name)})`;
      return `${f} ${node.op}${m}${v}`;
    }
  }
}

function parsed(text: string): string {
  const r = parseFilter(text);
  if (!r.ok) assert.fail(`expected '${text}' to parse, got: ${r.error.message}`);
  return show(r.value);
}

function error(text: string): { message: string; column: number } {
  const r = parseFilter(text);
  if (r.ok) assert.fail(`expected '${text}' to be rejected, got ${show(r.value)}`);
  return { message: r.error.message, column: r.error.offset + 1 };
}

test('not binds tighter than and, and tighter than or', () => {
  assert.equal(parsed('proc.name=a or proc.name=b and not proc.name=c'),
    '(or proc.name = "a" (and proc.name = "b" (not proc.name = "c")))');
  assert.equal(parsed('not proc.name=a and proc.name=b'), '(and (not proc.name = "a") proc.name = "b")');
  assert.equal(parsed('(proc.name=a or proc.name=b) and proc.name=c'), '(and (or proc.name = "a" proc.name = "b") proc.name = "c")');
});

test('and/or chains are flattened, not nests are kept', () => {
  assert.equal(parsed('fd.num=1 and fd.num=2 and fd.num=3'), '(and fd.num = "1" fd.num = "2" fd.num = "3")');
  assert.equal(parsed('not not fd.num=1'), '(not (not fd.num = "1"))');
  assert.equal(parsed('not(fd.num=1)'), '(not fd.num = "1")');
  assert.equal(parsed('fd.num=1 and(fd.num=2)or(fd.num=3)'), '(or (and fd.num = "1" fd.num = "2") fd.num = "3")');
});

test('blanks of every kind separate tokens and may be omitted around symbols', () => {
  assert.equal(parsed('proc.name=bash'), 'proc.name = "bash"');
  assert.equal(parsed('\tproc.name \r\n=\b bash\n'), 'proc.name = "bash"');
});

test('every comparison operator parses', () => {
  const cases: Array<[string, string]> = [
    ['proc.name = a', 'proc.name = "a"'], ['proc.name == a', 'proc.name = "a"'], ['proc.name != a', 'proc.name != "a"'],
    ['fd.num < 3', 'fd.num < "3"'], ['fd.num <= 3', 'fd.num <= "3"'], ['fd.num > 3', 'fd.num > "3"'], ['fd.num >= 3', 'fd.num >= "3"'],
    ['proc.name contains a', 'proc.name contains "a"'], ['proc.name icontains a', 'proc.name icontains "a"'],
    ['evt.buffer bcontains 504b', 'evt.buffer bcontains "504b"'], ['proc.name startswith a', 'proc.name startswith "a"'],
    ['evt.buffer bstartswith 50', 'evt.buffer bstartswith "50"'], ['proc.name endswith a', 'proc.name endswith "a"'],
    ['fd.name glob /etc/*', 'fd.name glob "/etc/*"'], ['fd.name iglob /ETC/*', 'fd.name iglob "/ETC/*"'],
    ['proc.name regex "ba.*"', 'proc.name regex "ba.*"'], ['evt.type in (open, close)', 'evt.type in ("open","close")'],
    ['evt.type intersects (open)', 'evt.type intersects ("open")'], ['fd.name pmatch (/etc, /usr/bin)', 'fd.name pmatch ("/etc","/usr/bin")'],
    ['fd.name exists', 'fd.name exists'],
  ];
  for (const [text, tree] of cases) assert.equal(parsed(text), tree, text);
});

test('list operators need no blank before their list; lists may be empty or quoted', () => {
  assert.equal(parsed('evt.type in(open,close)'), 'evt.type in ("open","close")');
  assert.equal(parsed('evt.type in ()'), 'evt.type in ()');
  assert.equal(parsed(`proc.name in ("a b", 'c,d' , e)`), 'proc.name in ("a b","c,d","e")');
  assert.equal(parsed('fd.name exists and fd.num=1'), '(and fd.name exists fd.num = "1")');
  assert.equal(parsed('(fd.name exists)'), 'fd.name exists');
});

test('modifiers take a list; without a list the word is a plain value', () => {
  assert.equal(parsed('proc.name startswith anyof (ba, zs)'), 'proc.name startswith anyof ("ba","zs")');
  assert.equal(parsed('proc.name = oneof(a,b)'), 'proc.name = oneof ("a","b")');
  assert.equal(parsed('proc.name != allof (a)'), 'proc.name != allof ("a")');
  assert.equal(parsed('proc.name = anyof'), 'proc.name = "anyof"');
});

test('field arguments: brackets, quoted brackets and dotted suffixes', () => {
  assert.equal(parsed('proc.aname[2]=sh'), 'proc.aname[2] = "sh"');
  assert.equal(parsed('evt.arg.fd=3'), 'evt.arg[fd] = "3"');
  assert.equal(parsed('evt.arg[0]=3'), 'evt.arg[0] = "3"');
  assert.equal(parsed('proc.env["HOME"]=/root'), 'proc.env[HOME] = "/root"');
  assert.equal(parsed('thread.cgroup.cpuacct=/'), 'thread.cgroup[cpuacct] = "/"');
  assert.equal(parsed('evt.type.is.open=1'), 'evt.type.is[open] = "1"');
  assert.equal(parsed('fs.path.name startswith /tmp'), 'fs.path.name startswith "/tmp"');
  assert.equal(parsed('proc.aname=bash'), 'proc.aname = "bash"');
});

test('quoted values keep blanks and operator characters; bare values stop at them', () => {
  assert.equal(parsed('proc.cmdline contains "a = (b)"'), 'proc.cmdline contains "a = (b)"');
  assert.equal(parsed("proc.name='it'"), 'proc.name = "it"');
  assert.equal(parsed('fd.name=/usr/bin/*.so.1'), 'fd.name = "/usr/bin/*.so.1"');
  assert.equal(parsed('proc.name=""'), 'proc.name = ""');
});

test('escapes inside quotes', () => {
  assert.equal(parsed(String.raw`proc.name="a\"b"`), 'proc.name = "a\\"b"');
  assert.equal(parsed(String.raw`proc.name='a\'b'`), `proc.name = "a'b"`);
  assert.equal(parsed(String.raw`proc.name="\\ \/ \t\n\r\b\f"`), 'proc.name = "\\\\ / \\t\\n\\r\\b\\f"');
  assert.equal(parsed(String.raw`proc.name="\x41\x7a"`), 'proc.name = "Az"');
  assert.equal(parsed(String.raw`proc.name="a\ b"`), 'proc.name = "a\\\\b"');
});

test('val() compares with another field', () => {
  assert.equal(parsed('proc.name = val(proc.pname)'), 'proc.name = val(proc.pname)');
});

test('syntax errors say where, what was expected and what was found', () => {
  assert.deepEqual(error('proc.name = '), { message: "expected a value after 'proc.name =' at column 13, found the end of the filter", column: 13 });
  assert.deepEqual(error('proc.name bash'), { message: "expected an operator after 'proc.name' at column 11, found 'bash'", column: 11 });
  assert.match(error('proc.name contain x').message, /found 'contain'; did you mean 'contains'\?/);
  assert.deepEqual(error('proc.name=a and'), { message: "expected a field name after 'and' at column 16, found the end of the filter", column: 16 });
  assert.match(error('proc.name=a bash').message, /^expected 'and', 'or' or the end of the filter at column 13, found 'bash'/);
  assert.match(error('(proc.name=a').message, /^expected '\)' to close the '\(' at column 1, found the end of the filter/);
  assert.match(error('(proc.name=a proc.name=b)').message, /^expected 'and', 'or' or '\)' at column 14/);
  assert.match(error('proc.name=a)').message, /^unexpected '\)' at column 12/);
  assert.match(error('= a').message, /^expected a field name, 'not' or '\(' at column 1, found '='/);
  assert.match(error('evt.type in 3').message, /^expected a list '\(…\)' after 'evt.type in' at column 13, found '3'/);
  assert.match(error('evt.type in (open close)').message, /^expected ',' or '\)' in the list opened at column 13, at column 19/);
  assert.match(error('evt.type in (open,)').message, /^expected a list element at column 19, found '\)'/);
  assert.match(error('evt.type in my_list').message, /list names such as 'my_list' are not supported/);
  assert.match(error('proc.name containsx').message, /^expected an operator after 'proc.name'/);
  assert.match(error('   ').message, /the filter is empty/);
  assert.match(error('proc.name=a and\nproc.name').message, /at line 2, column 10/);
});

test('quoting and escape errors', () => {
  assert.match(error('proc.name="abc').message, /^unterminated quoted string starting at column 11/);
  assert.match(error(String.raw`proc.name="a\qb"`).message, /^invalid escape '\\q' at column 13/);
  assert.match(error(String.raw`proc.name="a\'b"`).message, /^invalid escape '\\'' inside double quotes/);
  assert.match(error(String.raw`proc.name="\x4"`).message, /'\\x' must be followed by two hex digits/);
  assert.match(error(String.raw`proc.name="\x00"`).message, /NUL/);
});

test('unknown fields name the closest real field', () => {
  const r = parseFilter('proc.nmae = bash');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.error.message, "unknown field 'proc.nmae'; did you mean 'proc.name'?");
  assert.equal(r.error.suggestion, 'proc.name');
  assert.equal(r.error.offset, 0);
  assert.equal(r.error.length, 9);
  assert.equal(error('fd.nam exists').message, "unknown field 'fd.nam'; did you mean 'fd.name'?");
  assert.equal(error('zzz.qqqqqq=1').message, "unknown field 'zzz.qqqqqq'");
  assert.match(error('bash').message, /^'bash' is not a field/);
  assert.match(error('join(proc.name) = bash').message, /the transformer 'join\(\)' is not supported yet/);
  assert.match(error('lower(proc.name) = bash').message, /'lower' is not a field or a transformer/);
});

test('field argument errors', () => {
  assert.match(error('proc.name[1]=a').message, /'proc.name' takes no argument/);
  assert.match(error('evt.arg=3').message, /'evt.arg' needs an argument, e.g. 'evt.arg.NAME' or 'evt.arg\[…\]'/);
  assert.match(error('proc.aname[x]=a').message, /the argument of 'proc.aname' must be a number, found 'x'/);
  assert.match(error('proc.aname[]=a').message, /the argument of 'proc.aname' is empty/);
  assert.match(error('proc.aname[1=a').message, /expected '\]' to close the argument of 'proc.aname'/);
  assert.match(error('evt.arg.fd[1]=a').message, /already names its argument/);
  assert.match(error('evt.outputtime=1').message, /can only be printed, not used in a filter/);
});

test('operators that do not apply to the field type are rejected with the ones that do', () => {
  assert.equal(error('evt.rawres contains 3').message,
    "operator 'contains' does not apply to 'evt.rawres' (a numeric field); use =, !=, <, <=, >, >=, in, intersects, exists");
  assert.match(error('evt.failed > true').message, /operator '>' does not apply to 'evt.failed' \(a boolean field\)/);
  assert.match(error('fd.cip glob 10.*').message, /does not apply to 'fd.cip' \(a IP address field\)|does not apply to 'fd.cip'/);
  assert.match(error('fd.types = file').message, /does not apply to 'fd.types' \(a list field\)/);
  assert.equal(error('evt.rawres contains 3').column, 12);
});

test('nesting deeper than 100 parentheses is refused, 100 is fine', () => {
  assert.equal(parsed('('.repeat(100) + 'fd.num=1' + ')'.repeat(100)), 'fd.num = "1"');
  assert.match(error('('.repeat(101) + 'fd.num=1' + ')'.repeat(101)).message, /more than 100 deep/);
});

test('formatFilterError is one line, saying where the problem is', () => {
  const text = 'proc.name = ';
  const r = parseFilter(text);
  if (r.ok) assert.fail('should fail');
  assert.equal(formatFilterError(text, r.error), "filter error: expected a value after 'proc.name =' at column 13, found the end of the filter");
  const t2 = 'proc.nmae=x';
  const r2 = parseFilter(t2);
  if (r2.ok) assert.fail('should fail');
  assert.equal(formatFilterError(t2, r2.error), "filter error at column 1: unknown field 'proc.nmae'; did you mean 'proc.name'?");
});

test('transformers wrap fields on either side and change the value type', () => {
  assert.equal(parsed('tolower(proc.name) = bash'), 'tolower(proc.name) = "bash"');
  assert.equal(parsed('len(toupper(proc.name)) > 3'), 'len(toupper(proc.name)) > "3"');
  assert.equal(parsed('basename( fd.name ) in (passwd, shadow)'), 'basename(fd.name) in ("passwd","shadow")');
  assert.equal(parsed('proc.name = tolower(proc.pname)'), 'proc.name = val(tolower(proc.pname))');
  assert.equal(parsed('len(fd.types) > 1'), 'len(fd.types) > "1"');
  assert.match(error('len(proc.name) contains 3').message, /operator 'contains' does not apply to 'len\(proc.name\)' \(a numeric field\)/);
  assert.match(error('tolower(fd.types) = a').message, /'tolower\(\)' does not apply to the list field 'fd.types'/);
  assert.match(error('tolower(proc.name = a').message, /expected '\)' to close tolower\( at column 19/);
  assert.match(error('tolower() = a').message, /expected a field name inside tolower\(/);
});

test('val() errors', () => {
  assert.match(error('proc.name = val(').message, /expected a field name inside val\( at column 17, found the end of the filter/);
  assert.match(error('proc.name = val(proc.pname').message, /expected '\)' to close val\(/);
  assert.match(error('fd.cip = val(fd.net)').message, /'fd.net' cannot be used inside val\(\)/);
  assert.match(error('proc.name = val(proc.nmae)').message, /unknown field 'proc.nmae'; did you mean 'proc.name'\?/);
});

test('formatFilterError names the line of a multi-line filter', () => {
  const text = 'proc.name = bash and\n  fd.nmae exists';
  const r = parseFilter(text);
  if (r.ok) assert.fail('should fail');
  assert.equal(formatFilterError(text, r.error), "filter error at line 2, column 3: unknown field 'fd.nmae'; did you mean 'fd.name'?");
});

test('a label key written dotted may hold - and /, as sysdig 0.29.3 accepts; elsewhere - still ends a field name', () => {
  const r = parseFilter('k8s.pod.label.pod-template-hash exists and container.label.io.kubernetes/pod=x');
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const fields: string[] = [];
  const walk = (n: FilterNode): void => {
    if (n.kind === 'and' || n.kind === 'or') n.children.forEach(walk);
    else if (n.kind === 'not') walk(n.child);
    else fields.push(`${n.field.name}[${n.field.arg}]`);
  };
  walk(r.value);
  assert.deepEqual(fields, ['k8s.pod.label[pod-template-hash]', 'container.label[io.kubernetes/pod]']);
  const bad = parseFilter('proc.name-x=1');
  assert.equal(bad.ok, false);
});
