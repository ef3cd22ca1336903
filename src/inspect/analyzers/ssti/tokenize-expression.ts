/** A token of a template expression. */
export interface ExpressionToken {
  readonly type: 'name' | 'number' | 'string' | 'backtick' | 'punct';
  readonly text: string;
  /** Offset in the expression. */
  readonly at: number;
}

const MAX_TOKENS = 256;

function isNameStart(c: number): boolean {
  const l = c | 0x20;
  return (l >= 97 && l <= 122) || c === 95 || c === 36;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Index after the string literal opened by the quote at `at` (backslash escapes honoured). */
function stringEnd(s: string, at: number): number {
  const quote = s.charCodeAt(at);
  for (let i = at + 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === quote) return i + 1;
  }
  return s.length;
}

/**
 * Splits a template expression (Jinja, Twig, EL, SpEL, ERB, Freemarker...) into names, numbers, quoted
 * strings and single punctuation characters. Names keep `$` (EL, Velocity); strings keep their content.
 * @example tokenizeExpression("''.__class__").map((t) => t.text) // ['', '.', '__class__']
 */
export function tokenizeExpression(s: string): ExpressionToken[] {
  const tokens: ExpressionToken[] = [];
  let i = 0;
  while (i < s.length && tokens.length < MAX_TOKENS) {
    const c = s.charCodeAt(i);
    if (c <= 32) {
      i++;
      continue;
    }
    const start = i;
    if (isNameStart(c)) {
      while (i < s.length && isNameChar(s.charCodeAt(i))) i++;
      tokens.push({ type: 'name', text: s.slice(start, i), at: start });
    } else if (isDigit(c)) {
      while (i < s.length && (isDigit(s.charCodeAt(i)) || s.charCodeAt(i) === 46)) i++;
      tokens.push({ type: 'number', text: s.slice(start, i), at: start });
    } else if (c === 34 || c === 39 || c === 96) {
      i = stringEnd(s, start);
      const closed = s.charCodeAt(i - 1) === c && i - start >= 2;
      const text = s.slice(start + 1, closed ? i - 1 : i);
      tokens.push({ type: c === 96 ? 'backtick' : 'string', text, at: start });
    } else {
      i++;
      tokens.push({ type: 'punct', text: s[start]!, at: start });
    }
  }
  return tokens;
}
