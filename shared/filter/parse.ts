/**
 * Parser for the sinsp filter language (newest-libs grammar, see shared/docs/sinsp-filter-language.md §2–3).
 *
 * A hand-written recursive-descent parser over the raw text: the grammar is context-sensitive at the
 * lexical level (a bare value may contain `.`, `/`, `*`, but not `=`; word operators need a trailing
 * blank except list operators before `(`), so tokens are read on demand by what the parser expects next.
 * Precedence: not > and > or. Every problem becomes a FilterError with a position; nothing throws out.
 */
import { lookupField } from '../fields/catalog';
import type { CheckNode, ComparisonOperator, FieldRef, FilterNode, ListModifier, Operand, TransformerName, ValueText } from './ast';
import { describePosition, type FilterError, type FilterResult } from './errors';
import { LIST_OPERATORS, MODIFIABLE_OPERATORS, WORD_OPERATORS, operatorApplies, operatorsFor, transformedType, typeWord } from './operators';
import { closestField, editDistance } from './suggest';

const MAX_DEPTH = 100;
const TRANSFORMERS = new Set(['tolower', 'toupper', 'b64', 'basename', 'len', 'join', 'concat', 'getopt']);
const SUPPORTED_TRANSFORMERS = new Set<TransformerName>(['tolower', 'toupper', 'b64', 'basename', 'len']);
const MODIFIERS = new Set<ListModifier>(['oneof', 'anyof', 'allof']);

class ParseFailure {
  constructor(readonly error: FilterError) {}
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\b' || c === '\r' || c === '\n';
}
function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}
function isIdentChar(c: string): boolean {
  return isIdentStart(c) || (c >= '0' && c <= '9');
}
function isLabelChar(c: string): boolean {
  return isIdentChar(c) || c === '.' || c === '-' || c === '/';
}
/** A label field written with its key as a dotted argument (container.label.app, k8s.pod.label.app). */
function takesDottedName(written: string): boolean {
  const ref = lookupField(written);
  return ref !== undefined && ref.arg !== undefined && ref.field.arg?.kind === 'name' && ref.field.name.endsWith('.label');
}
/** Characters that end a bare (unquoted) value. */
function endsBareValue(c: string): boolean {
  return isBlank(c) || c === '(' || c === ')' || c === ',' || c === '=' || c === '"' || c === "'";
}

export function parseFilter(text: string): FilterResult<FilterNode> {
  const p = new Parser(text);
  try {
    return { ok: true, value: p.parseWhole() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.error };
    return { ok: false, error: { message: `cannot parse the filter (${e instanceof Error ? e.message : String(e)})`, offset: 0, length: 1 } };
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly text: string) {}

  parseWhole(): FilterNode {
    this.skipBlanks();
    if (this.pos >= this.text.length) this.fail('the filter is empty', 0);
    const node = this.parseOr(0);
    this.skipBlanks();
    if (this.pos < this.text.length) {
      if (this.peek() === ')') this.fail(`unexpected ')' at ${this.where()}: there is no '(' to close`);
      this.fail(`expected 'and', 'or' or the end of the filter at ${this.where()}, found ${this.found()}`);
    }
    return node;
  }

  // ---- expressions ----

  private parseOr(depth: number): FilterNode {
    const children = [this.parseAnd(depth)];
    while (this.keyword('or')) children.push(this.parseAnd(depth));
    return children.length === 1 ? children[0] : { kind: 'or', children };
  }

  private parseAnd(depth: number): FilterNode {
    const children = [this.parseNot(depth)];
    while (this.keyword('and')) children.push(this.parseNot(depth));
    return children.length === 1 ? children[0] : { kind: 'and', children };
  }

  private parseNot(depth: number): FilterNode {
    this.skipBlanks();
    const start = this.pos;
    if (this.keyword('not')) return { kind: 'not', child: this.parseNot(depth), start };
    return this.parseOperandExpr(depth);
  }

  private parseOperandExpr(depth: number): FilterNode {
    this.skipBlanks();
    const c = this.peek();
    if (c === '(') {
      if (depth >= MAX_DEPTH) this.fail(`the filter nests parentheses more than ${MAX_DEPTH} deep`);
      const open = this.pos++;
      const inner = this.parseOr(depth + 1);
      this.skipBlanks();
      if (this.peek() !== ')') {
        const what = this.pos >= this.text.length ? `')' to close the '(' at ${this.where(open)}` : `'and', 'or' or ')' at ${this.where()}`;
        this.fail(`expected ${what}, found ${this.found()}`);
      }
      this.pos++;
      return inner;
    }
    if (isIdentStart(c)) return this.parseCheck();
    if (this.pos >= this.text.length) {
      const before = this.text.slice(0, this.pos).trimEnd();
      const last = /(\band|\bor|\bnot|\()$/.exec(before)?.[1];
      this.fail(`expected a field name${last ? ` after '${last}'` : ''} at ${this.where()}, found the end of the filter`);
    }
    this.fail(`expected a field name, 'not' or '(' at ${this.where()}, found ${this.found()}`);
  }

  // ---- checks ----

  private parseCheck(): CheckNode {
    const field = this.parseField();
    this.skipBlanks();
    const opStart = this.pos;
    const op = this.parseOperator(field);
    const type = transformedType(field.info.type, field.transformers);
    const isList = field.info.list && !field.transformers?.length;
    if (!operatorApplies(op, type, isList)) {
      const kind = isList ? 'a list field' : `a ${typeWord(type)} field`;
      const valid = field.transformers?.length ? operatorsFor({ ...field.info, type, list: false }) : operatorsFor(field.info);
      this.fail(`operator '${op}' does not apply to '${this.text.slice(field.start, field.end)}' (${kind}); use ${valid.join(', ')}`, opStart, op.length);
    }
    if (op === 'exists') return { kind: 'check', field, op, opStart };
    this.skipBlanks();
    const context = `'${this.text.slice(field.start, opStart).trimEnd()} ${op}'`;
    if (LIST_OPERATORS.has(op)) return { kind: 'check', field, op, opStart, operand: this.parseListOperand(context) };
    if (MODIFIABLE_OPERATORS.has(op)) {
      const modifier = this.tryModifier();
      if (modifier) {
        this.skipBlanks();
        return { kind: 'check', field, op, opStart, modifier, operand: this.parseListOperand(`${context.slice(0, -1)} ${modifier}'`) };
      }
    }
    return { kind: 'check', field, op, opStart, operand: this.parseScalarOperand(context) };
  }

  private parseField(depth = 0): FieldRef {
    const start = this.pos;
    let written = this.readFieldName();
    // Label keys hold '-' and '/' (k8s.pod.label.pod-template-hash), which sysdig 0.29.3 accepts
    // in a dotted label argument: they continue the name only there.
    if ((this.peek() === '-' || this.peek() === '/') && takesDottedName(written)) {
      while (isLabelChar(this.peek())) this.pos++;
      written = this.text.slice(start, this.pos);
    }
    if (this.peek() === '(' && !written.includes('.')) {
      if (!TRANSFORMERS.has(written)) this.fail(`'${written}' is not a field or a transformer`, start, written.length);
      if (!SUPPORTED_TRANSFORMERS.has(written as TransformerName)) this.fail(`the transformer '${written}()' is not supported yet`, start, written.length);
      if (depth >= MAX_DEPTH) this.fail(`transformers nest more than ${MAX_DEPTH} deep`, start, written.length);
      this.pos++;
      this.skipBlanks();
      if (!isIdentStart(this.peek())) this.fail(`expected a field name inside ${written}( at ${this.where()}, found ${this.found()}`);
      const inner = this.parseField(depth + 1);
      this.skipBlanks();
      if (this.peek() !== ')') this.fail(`expected ')' to close ${written}( at ${this.where()}, found ${this.found()}`);
      this.pos++;
      if (inner.info.list && written !== 'len') this.fail(`'${written}()' does not apply to the list field '${inner.name}'`, start, this.pos - start);
      return { ...inner, transformers: [...(inner.transformers ?? []), written as TransformerName], start, end: this.pos };
    }
    let bracketArg: string | undefined;
    if (this.peek() === '[') bracketArg = this.readBracketArg(written);
    const end = this.pos;
    if (!written.includes('.')) {
      const suggestion = closestField(written);
      this.failWith({
        message: `'${written}' is not a field${suggestion ? `; did you mean '${suggestion}'?` : ' (macros and lists are not supported)'}`,
        offset: start, length: written.length, suggestion,
      });
    }
    const ref = lookupField(written);
    if (!ref) {
      const suggestion = closestField(written);
      this.failWith({ message: `unknown field '${written}'${suggestion ? `; did you mean '${suggestion}'?` : ''}`, offset: start, length: written.length, suggestion });
    }
    const info = ref.field;
    if (ref.arg !== undefined && bracketArg !== undefined) this.fail(`'${written}' already names its argument; remove '[${bracketArg}]'`, start, end - start);
    const arg = ref.arg ?? bracketArg;
    if (info.usage === 'format') this.fail(`'${info.name}' can only be printed, not used in a filter`, start, end - start);
    if (arg !== undefined && !info.arg) this.fail(`'${info.name}' takes no argument`, start, end - start);
    if (info.arg && arg === undefined && info.arg.required) {
      const example = info.arg.dotted ? `'${info.name}.NAME' or '${info.name}[…]'` : `'${info.name}[…]'`;
      this.fail(`'${info.name}' needs an argument, e.g. ${example}`, start, end - start);
    }
    if (info.arg && arg !== undefined) {
      const kind = info.arg.kind;
      if (kind === 'index' && !/^\d+$/.test(arg)) this.fail(`the argument of '${info.name}' must be a number, found '${arg}'`, start, end - start);
      if (kind === 'index-or-path' && !/^\d+$/.test(arg) && !arg.startsWith('/')) {
        this.fail(`the argument of '${info.name}' must be a number or a path, found '${arg}'`, start, end - start);
      }
    }
    return { name: info.name, written, arg, info, start, end };
  }

  private readFieldName(): string {
    const start = this.pos;
    while (isIdentChar(this.peek())) this.pos++;
    while (this.peek() === '.' && isIdentChar(this.text[this.pos + 1] ?? '')) {
      this.pos++;
      while (isIdentChar(this.peek())) this.pos++;
    }
    return this.text.slice(start, this.pos);
  }

  private readBracketArg(fieldName: string): string {
    const open = this.pos++;
    let arg: string;
    if (this.peek() === '"' || this.peek() === "'") arg = this.readQuoted().text;
    else {
      const s = this.pos;
      while (this.pos < this.text.length && !'[]"\''.includes(this.peek()) && !isBlank(this.peek())) this.pos++;
      arg = this.text.slice(s, this.pos);
    }
    if (this.peek() !== ']') this.fail(`expected ']' to close the argument of '${fieldName}' at ${this.where()}, found ${this.found()}`);
    this.pos++;
    if (arg === '') this.fail(`the argument of '${fieldName}' is empty`, open, 2);
    return arg;
  }

  private parseOperator(field: FieldRef): ComparisonOperator {
    const t = this.text;
    const symbol = /^(==|=|!=|<=|<|>=|>)/.exec(t.slice(this.pos, this.pos + 2))?.[1];
    if (symbol) {
      this.pos += symbol.length;
      return symbol === '==' ? '=' : (symbol as ComparisonOperator);
    }
    const start = this.pos;
    let end = start;
    while (end < t.length && t[end] >= 'a' && t[end] <= 'z') end++;
    const word = t.slice(start, end);
    const op = WORD_OPERATORS.find((w) => w === word);
    const next = t[end] ?? '';
    const fits = op && (next === '' || isBlank(next) || ((LIST_OPERATORS.has(op) || op === 'exists') && (next === '(' || next === ')')));
    if (!op || !fits) {
      const after = `'${t.slice(field.start, field.end)}'`;
      const near = word && !op ? WORD_OPERATORS.find((w) => editDistance(w, word) <= 2) : undefined;
      this.fail(`expected an operator after ${after} at ${this.where()}, found ${this.found()}${near ? `; did you mean '${near}'?` : ''}`);
    }
    this.pos = end;
    return op;
  }

  private tryModifier(): ListModifier | undefined {
    const m = /^(oneof|anyof|allof)([ \t\b\r\n]*)\(/.exec(this.text.slice(this.pos, this.pos + 64));
    if (!m || !MODIFIERS.has(m[1] as ListModifier)) return undefined;
    this.pos += m[1].length;
    return m[1] as ListModifier;
  }

  private parseListOperand(context: string): Operand {
    if (this.peek() !== '(') {
      if (isIdentStart(this.peek())) {
        const s = this.pos;
        const name = this.readFieldName();
        this.fail(`list names such as '${name}' are not supported; write the values in parentheses, e.g. (a, b)`, s, name.length);
      }
      this.fail(`expected a list '(…)' after ${context} at ${this.where()}, found ${this.found()}`);
    }
    const start = this.pos++;
    const items: ValueText[] = [];
    this.skipBlanks();
    if (this.peek() === ')') { this.pos++; return { kind: 'list', items, start, end: this.pos }; }
    for (;;) {
      this.skipBlanks();
      const item = this.readValue();
      if (!item) this.fail(`expected a list element at ${this.where()}, found ${this.found()}`);
      items.push(item);
      this.skipBlanks();
      if (this.peek() === ',') { this.pos++; continue; }
      if (this.peek() === ')') { this.pos++; break; }
      this.fail(`expected ',' or ')' in the list opened at ${this.where(start)}, at ${this.where()}, found ${this.found()}`);
    }
    return { kind: 'list', items, start, end: this.pos };
  }

  private parseScalarOperand(context: string): Operand {
    const start = this.pos;
    if (/^(tolower|toupper|b64|basename|len|join|concat|getopt)\(/.test(this.text.slice(this.pos, this.pos + 9))) {
      const field = this.parseField();
      if (field.info.noRhs || field.info.usage === 'filter') this.fail(`'${field.name}' cannot be compared with another field`, field.start, field.end - field.start);
      return { kind: 'field', field, start, end: this.pos };
    }
    if (this.text.startsWith('val(', this.pos)) {
      this.pos += 4;
      this.skipBlanks();
      if (!isIdentStart(this.peek())) this.fail(`expected a field name inside val( at ${this.where()}, found ${this.found()}`);
      const field = this.parseField();
      this.skipBlanks();
      if (this.peek() !== ')') this.fail(`expected ')' to close val( at ${this.where()}, found ${this.found()}`);
      this.pos++;
      if (field.info.noRhs || field.info.usage === 'filter') this.fail(`'${field.name}' cannot be used inside val()`, field.start, field.end - field.start);
      return { kind: 'field', field, start, end: this.pos };
    }
    const value = this.readValue();
    if (!value) this.fail(`expected a value after ${context} at ${this.where()}, found ${this.found()}`);
    return { kind: 'value', value };
  }

  private readValue(): ValueText | undefined {
    const c = this.peek();
    if (c === '"' || c === "'") return this.readQuoted();
    const start = this.pos;
    while (this.pos < this.text.length && !endsBareValue(this.peek())) this.pos++;
    if (this.pos === start) return undefined;
    return { text: this.text.slice(start, this.pos), quoted: false, start, end: this.pos };
  }

  /** A quoted string with the escapes of §2.4. */
  private readQuoted(): ValueText {
    const t = this.text;
    const start = this.pos;
    const quote = t[this.pos++];
    let out = '';
    for (;;) {
      if (this.pos >= t.length) this.fail(`unterminated quoted string starting at ${this.where(start)}`, start, t.length - start);
      const c = t[this.pos];
      if (c === quote) { this.pos++; break; }
      if (c === '\0') this.fail(`a value may not contain a NUL character (${this.where()})`);
      if (c !== '\\') { out += c; this.pos++; continue; }
      const e = t[this.pos + 1] ?? '';
      const escStart = this.pos;
      this.pos += 2;
      switch (e) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case ' ': out += '\\'; break;
        case '"': case "'":
          if (e !== quote) this.fail(`invalid escape '\\${e}' inside ${quote === '"' ? 'double' : 'single'} quotes at ${this.where(escStart)}`, escStart, 2);
          out += e;
          break;
        case 'x': {
          const hex = t.slice(this.pos, this.pos + 2);
          if (!/^[0-9a-fA-F]{2}$/.test(hex)) this.fail(`'\\x' must be followed by two hex digits at ${this.where(escStart)}`, escStart, 4);
          const code = parseInt(hex, 16);
          if (code === 0) this.fail(`a value may not contain a NUL character (${this.where(escStart)})`, escStart, 4);
          out += String.fromCharCode(code);
          this.pos += 2;
          break;
        }
        default:
          this.fail(e === '' ? `unterminated quoted string starting at ${this.where(start)}` : `invalid escape '\\${e}' at ${this.where(escStart)}`, escStart, 2);
      }
    }
    return { text: out, quoted: true, start, end: this.pos };
  }

  // ---- lexical helpers ----

  private peek(): string {
    return this.text[this.pos] ?? '';
  }

  private skipBlanks(): void {
    while (this.pos < this.text.length && isBlank(this.text[this.pos])) this.pos++;
  }

  /** Consumes `word` if it stands here as a keyword (followed by a blank or '('). */
  private keyword(word: string): boolean {
    this.skipBlanks();
    if (!this.text.startsWith(word, this.pos)) return false;
    const next = this.text[this.pos + word.length] ?? '';
    if (!(next === '' || isBlank(next) || next === '(')) return false;
    this.pos += word.length;
    return true;
  }

  private where(offset = this.pos): string {
    return describePosition(this.text, offset);
  }

  private found(): string {
    if (this.pos >= this.text.length) return 'the end of the filter';
    const m = /^[^ \t\b\r\n]{1,30}/.exec(this.text.slice(this.pos));
    return `'${m ? m[0] : this.text[this.pos]}'`;
  }

  private fail(message: string, offset = this.pos, length = 1): never {
    throw new ParseFailure({ message, offset, length: Math.max(1, length) });
  }

  private failWith(error: FilterError): never {
    throw new ParseFailure(error);
  }
}
