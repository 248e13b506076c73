// A linear, non-recursive scan of a JSON text (RFC 8259, as JSON.parse reads it) that measures how
// deeply arrays and objects nest, and stops as soon as they nest past a limit. It runs before
// JSON.parse so that a body too deep for what comes after (JSON.stringify recursing while building
// SQL, Postgres' recursive json parser) is refused with a 400, whatever the text holds further on.

export type JsonScan =
  | { kind: 'valid'; depth: number }
  /** `at`: where the scan stopped, at the token (or end of text) that is not JSON. */
  | { kind: 'invalid'; at: number }
  /** `at`: index of the bracket that opened one level more than allowed. */
  | { kind: 'too-deep'; at: number };

const ARRAY = 1;
const OBJECT = 2;

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
/** The characters allowed after a backslash besides `u`: `"` `\` `/` b f n r t. */
const SIMPLE_ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);
const LITERALS = ['true', 'false', 'null'];

/** End of the string starting at `i` (a `"`), or -1 when it is malformed or unterminated. */
function scanString(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -1;
    if (c !== 0x5c) continue;
    const e = s.charCodeAt(++j);
    if (e === 0x75) {
      for (let k = 1; k <= 4; k++) if (!isHex(s.charCodeAt(j + k))) return -1;
      j += 4;
    } else if (!SIMPLE_ESCAPES.has(e)) return -1;
  }
  return -1;
}

/** End of the number at `i`: `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`, or -1. */
function scanNumber(s: string, i: number): number {
  let j = i;
  if (s.charCodeAt(j) === 0x2d) j++;
  if (s.charCodeAt(j) === 0x30) j++;
  else if (isDigit(s.charCodeAt(j))) while (isDigit(s.charCodeAt(j))) j++;
  else return -1;
  if (s.charCodeAt(j) === 0x2e) {
    if (!isDigit(s.charCodeAt(++j))) return -1;
    while (isDigit(s.charCodeAt(j))) j++;
  }
  const e = s.charCodeAt(j);
  if (e === 0x65 || e === 0x45) {
    j++;
    const sign = s.charCodeAt(j);
    if (sign === 0x2b || sign === 0x2d) j++;
    if (!isDigit(s.charCodeAt(j))) return -1;
    while (isDigit(s.charCodeAt(j))) j++;
  }
  return j;
}

/** Scans `text`; nesting counts arrays and objects (a scalar is depth 0, `[]` 1, `{"a":[1]}` 2). */
export function scanJson(text: string, maxDepth = Number.POSITIVE_INFINITY): JsonScan {
  const stack: number[] = [];
  let depth = 0;
  let i = 0;
  const n = text.length;
  const skipWs = () => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
  };
  const invalid = (): JsonScan => ({ kind: 'invalid', at: Math.min(i, n) });
  /** After `{` or `,` in an object: a key, then `:`. */
  const readKey = (): boolean => {
    skipWs();
    if (text.charCodeAt(i) !== 0x22) return false;
    const end = scanString(text, i);
    if (end < 0) return false;
    i = end;
    skipWs();
    if (text.charCodeAt(i) !== 0x3a) return false;
    i++;
    return true;
  };
  for (;;) {
    // A value starts here.
    skipWs();
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (stack.length >= maxDepth) return { kind: 'too-deep', at: i };
      stack.push(c === 0x5b ? ARRAY : OBJECT);
      if (stack.length > depth) depth = stack.length;
      i++;
      skipWs();
      const close = text.charCodeAt(i);
      if ((c === 0x5b && close === 0x5d) || (c === 0x7b && close === 0x7d)) {
        stack.pop();
        i++;
      } else {
        if (c === 0x7b && !readKey()) return invalid();
        continue;
      }
    } else if (c === 0x22) {
      const end = scanString(text, i);
      if (end < 0) return invalid();
      i = end;
    } else if (c === 0x2d || isDigit(c)) {
      const end = scanNumber(text, i);
      if (end < 0) return invalid();
      i = end;
    } else {
      const word = LITERALS.find((w) => text.startsWith(w, i));
      if (!word) return invalid();
      i += word.length;
    }
    // After a value: close containers, or go on with the next element.
    for (;;) {
      skipWs();
      const top = stack.at(-1);
      if (top === undefined) return i === n ? { kind: 'valid', depth } : invalid();
      const d = text.charCodeAt(i);
      if (d === 0x2c) {
        i++;
        if (top === OBJECT && !readKey()) return invalid();
        break;
      }
      if ((top === ARRAY && d === 0x5d) || (top === OBJECT && d === 0x7d)) {
        stack.pop();
        i++;
        continue;
      }
      return invalid();
    }
  }
}
