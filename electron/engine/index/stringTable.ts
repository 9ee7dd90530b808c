/**
 * Interned strings: each distinct string (process name, path, container id) is stored once and
 * columns hold its number. Id 0 is always the empty string, so "absent" needs no special case.
 */
export class StringTable {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];

  constructor(initial: readonly string[] = ['']) {
    for (const s of initial) this.intern(s);
    if (this.strings[0] !== '') throw new Error('a string table must start with the empty string');
  }

  intern(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** The id of `s`, or -1 if it was never interned (a lookup that must not grow the table). */
  find(s: string): number {
    return this.ids.get(s) ?? -1;
  }

  get(id: number): string {
    const s = this.strings[id];
    if (s === undefined) throw new Error(`string id ${id} out of range (${this.strings.length} strings)`);
    return s;
  }

  get size(): number {
    return this.strings.length;
  }

  toArray(): readonly string[] {
    return this.strings;
  }
}
