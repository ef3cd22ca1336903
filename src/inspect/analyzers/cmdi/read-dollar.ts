import { parseList, readSubstitution, type ShellState } from './parse-shell.js';

const MAX_BRACED = 256;
const PARAMETER = /^#?([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!_-])([\s\S]*)$/;
const SHELL_OPERATOR = /^(?:[#%/^,@]|:?[-=+?]|:)/;
// Pattern removal, replacement, case and substring operators; the defaults (`:-`, `:=`) are not among them.
const PATTERN_OPERATOR = /^(?:[#%/^,]|:\s*-?\d)/;
// Arithmetic on numbers (`2+2`, `7 * 6`) or on a substitution: `$[elem]` alone is a MongoDB update operator.
const ARITHMETIC_CODE = /\d\s*[-+*/%^&|<>]\s*\d|\$\(|`/;
// A Map, not an object literal: `$constructor` must not find Object.prototype.
const SHELL_NAMES: ReadonlyMap<string, string> = new Map([
  ['SHELL', 'sh'],
  ['BASH', 'bash'],
  ['0', 'sh'],
]);
// Variables that start with `/` in every shell: `${PATH:0:1}` and friends spell a slash.
const SLASH_VARIABLES = new Set(['PATH', 'HOME', 'PWD', 'OLDPWD', 'SHELL']);

function variable(st: ShellState, name: string, op: string): string {
  if (name === 'IFS') {
    st.parse.ifs = true;
    return ' ';
  }
  const assigned = st.env.get(name);
  if (assigned !== undefined) return assigned;
  if (op !== '' && SLASH_VARIABLES.has(name)) return '/';
  return SHELL_NAMES.get(name) ?? '';
}

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  e: '\x1b',
  '0': '\0',
};

// `$'…'`: ANSI-C quoting with `\xHH`, `\uHHHH`, octal and letter escapes.
function readAnsiC(st: ShellState): string {
  const { s } = st;
  let i = st.i + 2;
  let out = '';
  while (i < s.length && s[i] !== "'") {
    if (s[i] !== '\\' || i + 1 >= s.length) {
      out += s[i++];
      continue;
    }
    const e = s[i + 1]!;
    const hex = e === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2, i + 4)) : null;
    const uni = e === 'u' ? /^[0-9a-fA-F]{1,4}/.exec(s.slice(i + 2, i + 6)) : null;
    const oct = /[0-7]/.test(e) ? /^[0-7]{1,3}/.exec(s.slice(i + 1, i + 4)) : null;
    if (hex !== null) {
      out += String.fromCharCode(Number.parseInt(hex[0], 16));
      i += 2 + hex[0].length;
    } else if (uni !== null) {
      out += String.fromCharCode(Number.parseInt(uni[0], 16));
      i += 2 + uni[0].length;
    } else if (oct !== null) {
      out += String.fromCharCode(Number.parseInt(oct[0], 8) & 0xff);
      i += 1 + oct[0].length;
    } else {
      out += ESCAPES[e] ?? e;
      i += 2;
    }
  }
  st.i = i < s.length ? i + 1 : i;
  return out;
}

// The body of `$((…))` or `$[…]`: substitutions inside it run first (`$(($() 42))`), and a plain number is
// what it expands to (`$((7))z` is `7z`); other expressions expand to an unknown number ('').
function readArithmetic(st: ShellState, from: number, close: string): string {
  const { s } = st;
  const found = s.indexOf(close, from);
  const end = found < 0 ? s.length : found;
  const body = s.slice(from, end);
  st.parse.arithmetic = true;
  if (ARITHMETIC_CODE.test(body)) st.parse.strongExpansion = true;
  for (let j = from; j < end; j++) {
    if (s[j] !== '`' && !(s[j] === '$' && s[j + 1] === '(')) continue;
    st.i = j;
    readSubstitution(st, s[j] === '`' ? '`' : ')');
    j = st.i - 1;
  }
  st.i = Math.min(s.length, Math.max(st.i, end + close.length));
  const number = /^\s*(\d{1,9})\s*$/.exec(body);
  return number === null ? '' : number[1]!;
}

function readBraced(st: ShellState): string | undefined {
  const { s } = st;
  let depth = 0;
  let j = st.i + 1;
  for (; j < s.length && j - st.i < MAX_BRACED; j++) {
    if (s[j] === '{') depth++;
    else if (s[j] === '}' && --depth === 0) break;
  }
  if (s[j] !== '}') return undefined;
  const inner = s.slice(st.i + 2, j);
  const m = PARAMETER.exec(inner);
  if (m === null) {
    // `${`id`}`, `${$(id)}`: a bad substitution to bash, but what is inside still runs first.
    if (inner.includes('`') || inner.includes('$(')) {
      st.i += 2;
      parseList(st, '}', 'substitution', '${', st.atCommandWord);
    } else st.i = j + 1;
    return '';
  }
  st.i = j + 1;
  // `${PATH:0:1}`, `${x#*}`, `${a:-b}`: shell operators; `${user.name}` is a template, not the shell.
  if (SHELL_OPERATOR.test(m[2]!)) st.parse.paramTrick = true;
  if (PATTERN_OPERATOR.test(m[2]!)) st.parse.strongExpansion = true;
  return variable(st, m[1]!, m[2]!);
}

/**
 * Reads a `$` expansion at `st.i` and returns what it expands to: known variables (assigned earlier in the
 * value, `$SHELL`), nothing for unset ones and substitutions, a space for `$IFS`. Undefined for a lone `$`.
 */
export function readDollar(st: ShellState, quoted: boolean): string | undefined {
  const { s } = st;
  const next = s[st.i + 1];
  if (next === undefined) return undefined;
  if (next === '(') {
    if (s[st.i + 2] !== '(') return readSubstitution(st, ')');
    return readArithmetic(st, st.i + 3, '))');
  }
  if (next === '[') return readArithmetic(st, st.i + 2, ']');
  if (next === '{') return readBraced(st);
  if (next === "'" && !quoted) return readAnsiC(st);
  if (next === '"' && !quoted) {
    st.i++; // `$"…"` is a double-quoted string for the shell's purposes
    return '';
  }
  const name = /^[A-Za-z_][A-Za-z0-9_]{0,31}/.exec(s.slice(st.i + 1, st.i + 33));
  // `c$_at`: bash reads the unset `$_at`, but the writer meant the empty `$_` inside a word; either way
  // nothing is there, and the letters after it are the rest of the name (PHP's `$_GET` is upper-case).
  if (name !== null && /^_[a-z]/.test(name[0]) && !st.env.has(name[0])) {
    st.i += 2;
    return '';
  }
  if (name !== null) {
    st.i += 1 + name[0].length;
    return variable(st, name[0], '');
  }
  if (/[0-9@*#?$!_-]/.test(next)) {
    st.i += 2;
    return SHELL_NAMES.get(next) ?? '';
  }
  return undefined;
}
