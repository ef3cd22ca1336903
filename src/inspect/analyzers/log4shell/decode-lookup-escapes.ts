/** Named character references attackers use to spell `${`, `:` and `/` (matched case-insensitively). */
const NAMED: ReadonlyArray<readonly [string, string]> = [
  ['dollar', '$'],
  ['lbrace', '{'],
  ['lcub', '{'],
  ['rbrace', '}'],
  ['rcub', '}'],
  ['colon', ':'],
  ['sol', '/'],
  ['period', '.'],
  ['percnt', '%'],
  ['bsol', '\\'],
  ['amp', '&'],
  ['num', '#'],
  ['hyphen', '-'],
  ['lowbar', '_'],
];
const MAX_DIGITS = 64;

/** Whether a decode produced a character that only an evader would have hidden. */
export interface DecodeMarks {
  hidden: boolean;
}

function hex(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  return l >= 97 && l <= 102 ? l - 87 : -1;
}

function hexRun(s: string, at: number, length: number): number {
  if (at + length > s.length) return -1;
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const h = hex(s.charCodeAt(i));
    if (h < 0) return -1;
    value = value * 16 + h;
  }
  return value;
}

/** `&#123;`, `&#x7b;`, `&#0000123` and named references; returns [char, length] or undefined. */
function entity(s: string, i: number): readonly [string, number] | undefined {
  let j = i + 1;
  if (s.charCodeAt(j) === 35) {
    const isHex = (s.charCodeAt(j + 1) | 0x20) === 120;
    j += isHex ? 2 : 1;
    const start = j;
    let value = 0;
    while (j < s.length && j - start < MAX_DIGITS) {
      const d = isHex ? hex(s.charCodeAt(j)) : s.charCodeAt(j) - 48;
      if (d < 0 || d > (isHex ? 15 : 9)) break;
      value = Math.min(value * (isHex ? 16 : 10) + d, 0x10ffff + 1);
      j++;
    }
    if (j === start || value > 0x10ffff) return undefined;
    if (s.charCodeAt(j) === 59) j++;
    return [String.fromCodePoint(value), j - i];
  }
  for (const [name, char] of NAMED) {
    if (s.slice(j, j + name.length).toLowerCase() !== name) continue;
    j += name.length;
    if (s.charCodeAt(j) === 59) j++;
    return [char, j - i];
  }
  return undefined;
}

/** `\u0024`, `\u{24}`, `\x24`; returns [char, length] or undefined. */
function jsEscape(s: string, i: number): readonly [string, number] | undefined {
  const kind = s.charCodeAt(i + 1) | 0x20;
  if (kind === 120) {
    const v = hexRun(s, i + 2, 2);
    return v < 0 ? undefined : [String.fromCharCode(v), 4];
  }
  if (kind !== 117) return undefined;
  if (s.charCodeAt(i + 2) === 123) {
    const close = s.indexOf('}', i + 3);
    if (close < 0 || close - i > 10) return undefined;
    const v = hexRun(s, i + 3, close - i - 3);
    return v < 0 || v > 0x10ffff ? undefined : [String.fromCodePoint(v), close - i + 1];
  }
  const v = hexRun(s, i + 2, 4);
  return v < 0 ? undefined : [String.fromCharCode(v), 6];
}

/** `%24` and IIS-style `%u0024`; returns [char, length] or undefined. */
function percent(s: string, i: number): readonly [string, number] | undefined {
  if ((s.charCodeAt(i + 1) | 0x20) === 117) {
    const v = hexRun(s, i + 2, 4);
    return v < 0 ? undefined : [String.fromCharCode(v), 6];
  }
  const v = hexRun(s, i + 1, 2);
  return v < 0 ? undefined : [String.fromCharCode(v), 3];
}

function decodeOnce(s: string, marks: DecodeMarks): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 37 && c !== 38 && c !== 92) continue;
    const hit = c === 37 ? percent(s, i) : c === 38 ? entity(s, i) : jsEscape(s, i);
    if (hit === undefined) continue;
    // `%` is how forms encode everything; an entity or JS escape for `$` or `{` is deliberate hiding.
    if (c !== 37 && '${%&\\'.includes(hit[0])) marks.hidden = true;
    out += s.slice(last, i) + hit[0];
    i += hit[1] - 1;
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * Undoes every escape layer a Log4Shell payload hides behind (percent, `%u`, HTML entities with or
 * without `;`, JS escapes), repeatedly, because evasions stack them (`\u0026lbrace;` → `&lbrace;` → `{`).
 */
export function decodeLookupEscapes(s: string, marks: DecodeMarks, rounds = 4): string {
  let current = s;
  for (let round = 0; round < rounds; round++) {
    const next = decodeOnce(current, marks);
    if (next === current) break;
    current = next;
  }
  return current;
}
