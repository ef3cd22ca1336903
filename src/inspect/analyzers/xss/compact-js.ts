import { isIdentChar, isQuote, isSpace } from './char-class.js';

/** JavaScript folded for matching, and whether folding undid an obfuscation. */
export interface CompactJs {
  readonly text: string;
  /** True when a comment, an escape, a string concatenation or a `["name"]` access was folded. */
  readonly obfuscated: boolean;
}

const SLASH = 47;
const STAR = 42;
const BACKSLASH = 92;
const LBRACKET = 91;
const RBRACKET = 93;
const PLUS = 43;
const MAX_JS = 4096;

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const lower = c | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

// `\xHH`, `\uHHHH` or `\u{H…}` at `at`: the character and the escape's length, or undefined.
function readEscape(s: string, at: number): [string, number] | undefined {
  const kind = s.charCodeAt(at + 1);
  let from = at + 2;
  let digits = kind === 120 ? 2 : kind === 117 ? 4 : 0;
  if (digits === 0) return undefined;
  let braced = false;
  if (kind === 117 && s.charCodeAt(from) === 123) {
    braced = true;
    from++;
    digits = 6;
  }
  let code = 0;
  let i = from;
  for (; i < from + digits && hexValue(s.charCodeAt(i)) >= 0; i++)
    code = code * 16 + hexValue(s.charCodeAt(i));
  if (i === from || (!braced && i < from + digits) || code > 0x10ffff) return undefined;
  if (braced) {
    if (s.charCodeAt(i) !== 125) return undefined;
    i++;
  }
  return [String.fromCodePoint(code), i - at];
}

function skipBlank(s: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    if (isSpace(s.charCodeAt(i))) i++;
    else if (s.charCodeAt(i) === SLASH && s.charCodeAt(i + 1) === STAR) {
      const close = s.indexOf('*/', i + 2);
      i = close < 0 ? end : close + 2;
    } else break;
  }
  return i;
}

// A string literal at `at` with its escapes decoded: [content, index after the closing quote].
function readString(s: string, at: number, end: number): [string, number] | undefined {
  const quote = s.charCodeAt(at);
  let out = '';
  for (let i = at + 1; i < end && i < at + 256; i++) {
    const c = s.charCodeAt(i);
    if (c === quote) return [out, i + 1];
    if (c === BACKSLASH) {
      const decoded = readEscape(s, i);
      if (decoded !== undefined) {
        out += decoded[0];
        i += decoded[1] - 1;
      } else if (i + 1 < end) out += s[++i];
    } else out += s[i];
  }
  return undefined;
}

function isIdentifier(word: string): boolean {
  if (word.length === 0 || word.length > 64) return false;
  for (let i = 0; i < word.length; i++) if (!isIdentChar(word.charCodeAt(i))) return false;
  return true;
}

// `["al" + "ert"]` at the `[`: the property name and the index after `]`, when it is a constant name.
function readBracketName(s: string, at: number, end: number): [string, number] | undefined {
  let i = skipBlank(s, at + 1, end);
  let name = '';
  for (let parts = 0; parts < 8; parts++) {
    if (!isQuote(s.charCodeAt(i))) return undefined;
    const literal = readString(s, i, end);
    if (literal === undefined) return undefined;
    name += literal[0];
    i = skipBlank(s, literal[1], end);
    if (s.charCodeAt(i) === RBRACKET) return isIdentifier(name) ? [name, i + 1] : undefined;
    if (s.charCodeAt(i) !== PLUS) return undefined;
    i = skipBlank(s, i + 1, end);
  }
  return undefined;
}

/**
 * Folds JavaScript the way it runs rather than the way it is spelled: comments and needless whitespace
 * dropped (one space kept between two words), identifier escapes decoded (`\u0061lert`), and constant
 * bracket access turned into dot access (`self["al"+"ert"]` → `self.alert`). Strings are left as they are:
 * an injected quote usually closes a string the page opened, so the text cannot be parsed from its start.
 * @example compactJs('self [/*x*\/"al"+"ert"] (1)', 0, 27).text // 'self.alert(1)'
 */
export function compactJs(s: string, from: number, to: number): CompactJs {
  const end = Math.min(to, from + MAX_JS);
  let out = '';
  let obfuscated = false;
  let space = false;
  let i = from;
  const emit = (text: string): void => {
    if (
      space &&
      out.length > 0 &&
      isIdentChar(out.charCodeAt(out.length - 1)) &&
      isIdentChar(text.charCodeAt(0))
    )
      out += ' ';
    space = false;
    out += text;
  };
  while (i < end) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      space = true;
      i++;
    } else if (c === SLASH && s.charCodeAt(i + 1) === STAR) {
      const close = s.indexOf('*/', i + 2);
      i = close < 0 ? end : close + 2;
      space = true;
      obfuscated = true;
    } else if (c === BACKSLASH && readEscape(s, i) !== undefined) {
      const [text, length] = readEscape(s, i)!;
      emit(text);
      i += length;
      obfuscated = true;
    } else if (c === LBRACKET && readBracketName(s, i, end) !== undefined) {
      const [name, next] = readBracketName(s, i, end)!;
      space = false;
      out += `.${name}`;
      i = next;
      obfuscated = true;
    } else {
      emit(s[i]!);
      i++;
    }
  }
  return { text: out, obfuscated };
}
