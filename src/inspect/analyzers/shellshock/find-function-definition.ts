/** Where a Bash function definition `() {` starts in a value, and whether it carries the classic body. */
export interface FunctionDefinition {
  readonly index: number;
  /** True when the value starts with it (after blanks): the shape Bash imports from the environment. */
  readonly leading: boolean;
  /** True when a `{ :; };`-style body follows: the CVE-2014-6271 idiom. */
  readonly classicBody: boolean;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function isBodyWordChar(c: number): boolean {
  // `:`, `_`, `.` and word characters: the no-op commands of `{ :; }`, `{ _; }`, `{ .; }`.
  return c === 58 || c === 46 || c === 95 || (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
}

function skipBlanks(s: string, i: number, end: number): number {
  let j = i;
  while (j < end && isBlank(s.charCodeAt(j))) j++;
  return j;
}

/** `{ :; };`, `{ _; }`, `{ :;}`: an empty-ish body closed by `}` right after one `;`. */
function hasClassicBody(s: string, open: number, end: number): boolean {
  let j = skipBlanks(s, open + 1, end);
  const word = j;
  while (j < end && j - word < 16 && isBodyWordChar(s.charCodeAt(j))) j++;
  if (j === word) return false;
  j = skipBlanks(s, j, end);
  if (s.charCodeAt(j) !== 59) return false;
  j = skipBlanks(s, j + 1, end);
  return s.charCodeAt(j) === 125;
}

/** Finds the first `(` `)` `{` sequence (blanks allowed between) in the first `limit` characters. */
export function findFunctionDefinition(s: string, limit: number): FunctionDefinition | undefined {
  const end = Math.min(s.length, limit);
  const first = skipBlanks(s, 0, end);
  for (let i = s.indexOf('('); i >= 0 && i < end; i = s.indexOf('(', i + 1)) {
    const close = skipBlanks(s, i + 1, end);
    if (s.charCodeAt(close) !== 41) continue;
    const open = skipBlanks(s, close + 1, end);
    if (s.charCodeAt(open) !== 123) continue;
    const leading = i === first;
    const classicBody = hasClassicBody(s, open, end);
    if (leading || classicBody) return { index: i, leading, classicBody };
  }
  return undefined;
}
