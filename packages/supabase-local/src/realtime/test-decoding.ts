/**
 * Parser for the built-in `test_decoding` logical decoding output (contrib/test_decoding/test_decoding.c):
 *   BEGIN 731
 *   table public.todos: UPDATE: old-key: id[bigint]:5 new-tuple: id[bigint]:6 title[text]:'it''s'
 *   COMMIT 731 (at 2026-01-01 10:00:00.123456+00)
 * Values are in the type's text output form (quoted unless numeric/bool), `null`, or `unchanged-toast-datum`.
 */

export const UNCHANGED_TOAST = Symbol('unchanged-toast-datum');
export type DecodedValue = string | null | typeof UNCHANGED_TOAST;
export type Tuple = Map<string, DecodedValue>;

export type DecodedLine =
  | { kind: 'begin'; xid: string }
  | { kind: 'commit'; xid: string; timestamp: string | null }
  | {
      kind: 'change';
      schema: string;
      table: string;
      type: 'INSERT' | 'UPDATE' | 'DELETE';
      /** New row (INSERT/UPDATE). */
      newTuple: Tuple | null;
      /** Old key or, with REPLICA IDENTITY FULL, the old row (UPDATE when the key changed, DELETE). */
      oldTuple: Tuple | null;
    }
  | { kind: 'other' };

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  /** A possibly double-quoted identifier, ending before one of `stops`. */
  identifier(stops: string): string {
    if (this.text[this.pos] === '"') {
      let out = '';
      this.pos++;
      while (this.pos < this.text.length) {
        const ch = this.text[this.pos++];
        if (ch === '"') {
          if (this.text[this.pos] === '"') {
            out += '"';
            this.pos++;
          } else {
            return out;
          }
        } else {
          out += ch;
        }
      }
      throw new Error('unterminated identifier');
    }
    const start = this.pos;
    while (this.pos < this.text.length && !stops.includes(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos);
  }

  expect(literal: string): void {
    if (!this.text.startsWith(literal, this.pos)) {
      throw new Error(`expected "${literal}" at ${this.pos} in: ${this.text.slice(0, 200)}`);
    }
    this.pos += literal.length;
  }

  startsWith(literal: string): boolean {
    return this.text.startsWith(literal, this.pos);
  }

  value(): DecodedValue {
    if (this.text[this.pos] === "'") {
      let out = '';
      this.pos++;
      while (this.pos < this.text.length) {
        const ch = this.text[this.pos++];
        if (ch === "'") {
          if (this.text[this.pos] === "'") {
            out += "'";
            this.pos++;
          } else {
            return out;
          }
        } else {
          out += ch;
        }
      }
      throw new Error('unterminated literal');
    }
    const end = this.text.indexOf(' ', this.pos);
    const raw = this.text.slice(this.pos, end === -1 ? undefined : end);
    this.pos += raw.length;
    if (raw === 'null') return null;
    if (raw === 'unchanged-toast-datum') return UNCHANGED_TOAST;
    // Bit strings print as B'0101'.
    if (raw.startsWith("B'") && raw.endsWith("'")) return raw.slice(2, -1);
    return raw;
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }
}

function readTuple(r: Reader, into: Tuple): void {
  while (!r.done && !r.startsWith(' new-tuple: ')) {
    r.expect(' ');
    const name = r.identifier('[');
    r.expect('[');
    const close = r.text.indexOf(']:', r.pos);
    if (close === -1) throw new Error('missing column type terminator');
    r.pos = close + 2;
    into.set(name, r.value());
  }
}

export function parseLine(line: string): DecodedLine {
  if (line.startsWith('BEGIN')) return { kind: 'begin', xid: line.slice(6).trim() };
  if (line.startsWith('COMMIT')) {
    const match = /^COMMIT (\d+)?\s*(?:\(at (.+)\))?$/.exec(line);
    return { kind: 'commit', xid: match?.[1] ?? '', timestamp: match?.[2] ?? null };
  }
  if (!line.startsWith('table ')) return { kind: 'other' };
  const r = new Reader(line);
  r.expect('table ');
  const schema = r.identifier('.');
  r.expect('.');
  const table = r.identifier(':');
  r.expect(': ');
  const type = r.identifier(':');
  r.expect(':');
  if (type !== 'INSERT' && type !== 'UPDATE' && type !== 'DELETE') return { kind: 'other' };
  if (r.startsWith(' (no-tuple data)')) return { kind: 'change', schema, table, type, newTuple: null, oldTuple: null };
  let oldTuple: Tuple | null = null;
  let newTuple: Tuple | null = null;
  if (type === 'DELETE') {
    oldTuple = new Map();
    readTuple(r, oldTuple);
  } else {
    if (r.startsWith(' old-key:')) {
      r.expect(' old-key:');
      oldTuple = new Map();
      readTuple(r, oldTuple);
      r.expect(' new-tuple:');
    }
    newTuple = new Map();
    readTuple(r, newTuple);
  }
  return { kind: 'change', schema, table, type, newTuple, oldTuple };
}
