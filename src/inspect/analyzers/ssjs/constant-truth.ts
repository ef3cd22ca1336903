// Globals that are functions or objects, hence truthy, whatever the program around them.
const TRUTHY_GLOBALS: ReadonlySet<string> = new Set([
  'this',
  'String',
  'Number',
  'Boolean',
  'Object',
  'Array',
  'Date',
  'Math',
  'JSON',
  'Function',
  'Symbol',
  'RegExp',
  'Error',
  'Promise',
  'Map',
  'Set',
  'globalThis',
  'process',
  'console',
]);
const LITERALS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['true', true],
  ['false', false],
  ['null', null],
  ['undefined', undefined],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
]);
const OBJECT = Symbol('object');
const MAX_DEPTH = 16;
const MAX_SPAN = 256;

type Value = unknown;

/** A cursor over the text of a condition; `fail` once anything is not a constant. */
interface Cursor {
  readonly s: string;
  i: number;
  readonly end: number;
}

function skipSpace(c: Cursor): void {
  while (
    c.i < c.end &&
    (c.s.charCodeAt(c.i) === 32 || (c.s.charCodeAt(c.i) >= 9 && c.s.charCodeAt(c.i) <= 13))
  )
    c.i++;
}

function isIdentChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 122) || code === 95 || code === 36
  );
}

function readWord(c: Cursor): string {
  const from = c.i;
  while (c.i < c.end && isIdentChar(c.s.charCodeAt(c.i))) c.i++;
  return c.s.slice(from, c.i);
}

// Skips a balanced `[...]`, `{...}` or `(...)` (an array, object or argument list): its contents do not
// change that an object literal is truthy.
function skipBalanced(c: Cursor, open: number, close: number): boolean {
  let depth = 0;
  for (; c.i < c.end; c.i++) {
    const code = c.s.charCodeAt(c.i);
    if (code === open) depth++;
    else if (code === close && --depth === 0) {
      c.i++;
      return true;
    }
  }
  return false;
}

function readString(c: Cursor, quote: number): string | undefined {
  const from = ++c.i;
  while (c.i < c.end && c.s.charCodeAt(c.i) !== quote) {
    if (c.s.charCodeAt(c.i) === 92) return undefined;
    c.i++;
  }
  if (c.i >= c.end) return undefined;
  return c.s.slice(from, c.i++);
}

const FAIL = Symbol('fail');

function primary(c: Cursor, depth: number): Value | typeof FAIL {
  skipSpace(c);
  const code = c.s.charCodeAt(c.i);
  if (code === 40) {
    c.i++;
    const inner = unary(c, depth + 1);
    skipSpace(c);
    if (inner === FAIL || c.s.charCodeAt(c.i) !== 41) return FAIL;
    c.i++;
    return inner;
  }
  if (code === 34 || code === 39 || code === 96) return readString(c, code) ?? FAIL;
  if (code === 91) return skipBalanced(c, 91, 93) ? OBJECT : FAIL;
  if (code === 123) return skipBalanced(c, 123, 125) ? OBJECT : FAIL;
  if ((code >= 48 && code <= 57) || code === 46) {
    const from = c.i;
    while (c.i < c.end && (isIdentChar(c.s.charCodeAt(c.i)) || c.s.charCodeAt(c.i) === 46)) c.i++;
    const n = Number(c.s.slice(from, c.i));
    return Number.isNaN(n) ? FAIL : n;
  }
  const word = readWord(c);
  if (word === 'new') {
    skipSpace(c);
    if (readWord(c) === '') return FAIL;
    skipSpace(c);
    if (c.s.charCodeAt(c.i) === 40 && !skipBalanced(c, 40, 41)) return FAIL;
    return OBJECT;
  }
  if (LITERALS.has(word)) return LITERALS.get(word);
  return TRUTHY_GLOBALS.has(word) ? OBJECT : FAIL;
}

function unary(c: Cursor, depth: number): Value | typeof FAIL {
  if (depth > MAX_DEPTH) return FAIL;
  skipSpace(c);
  const code = c.s.charCodeAt(c.i);
  if (code === 33 || code === 45 || code === 43 || code === 126) {
    c.i++;
    const operand = unary(c, depth + 1);
    if (operand === FAIL) return FAIL;
    if (code === 33) return !operand;
    // Objects turn into numbers by rules not worth modelling here.
    if (operand === OBJECT) return FAIL;
    const n = Number(operand);
    return code === 45 ? -n : code === 43 ? n : ~n;
  }
  return primary(c, depth);
}

/**
 * The truth of a loop condition starting at `from` (just after `while(`) when it is a constant that no
 * program could change — `true`, `1`, `!0`, `!!{}`, `-Infinity`, `new Date`, `String`, `(0)` — and it
 * is closed by `)`; undefined for anything that reads a variable or calls a function.
 * @example constantCondition('while(!0);', 6) // true
 */
export function constantCondition(s: string, from: number): boolean | undefined {
  const c: Cursor = { s, i: from, end: Math.min(s.length, from + MAX_SPAN) };
  const value = unary(c, 0);
  skipSpace(c);
  if (value === FAIL || c.s.charCodeAt(c.i) !== 41) return undefined;
  return Boolean(value);
}
