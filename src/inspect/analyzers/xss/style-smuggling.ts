import { isIdentChar, isLetter, isSpace } from './char-class.js';

const MAX_STYLE = 2048;
const SEMICOLON = 59;
const COLON = 58;
const BACKSLASH = 92;

// `;color:` — a declaration, spelled where only part of one may stand.
function declarationAt(css: string, semicolon: number, end: number): boolean {
  let i = semicolon + 1;
  while (i < end && isSpace(css.charCodeAt(i))) i++;
  const start = i;
  while (i < end && (isLetter(css.charCodeAt(i)) || css.charCodeAt(i) === 45)) i++;
  if (i === start) return false;
  while (i < end && isSpace(css.charCodeAt(i))) i++;
  return css.charCodeAt(i) === COLON;
}

function smuggledIn(css: string, from: number, to: number): boolean {
  for (let k = css.indexOf(';', from); k >= 0 && k < to; k = css.indexOf(';', k + 1))
    if (declarationAt(css, k, to)) return true;
  return false;
}

// An unquoted `url(…)` that holds a comment opener or a declaration: no URL does.
function brokenUrl(css: string, from: number, to: number): boolean {
  const body = css.slice(from, to);
  return body.includes('/*') || smuggledIn(body, 0, body.length);
}

// A data URL may carry an SVG document with style attributes of its own.
function isDataUrl(css: string, from: number): boolean {
  return css.slice(from, from + 5).toLowerCase() === 'data:';
}

/**
 * True when a style attribute's CSS (character references decoded) hides a declaration where a parser
 * differential can pull it out: a brace outside strings (`font-family:foo}color=red`), a declaration
 * inside a string (`font-family:'x[a];color:red;'`) or an unquoted `url(…)` that holds a comment or
 * a declaration (`url(/f#/;color:red/*…)`), or a property name written in escapes (`\63olor`). Ordinary
 * inline styles, data URLs and template placeholders (`{{ css }}`, JSX `{{color:'red'}}`) pass.
 * @example smugglesDeclaration("font-family:'foo[a];color:red;'") // true
 */
export function smugglesDeclaration(style: string): boolean {
  const css = style.length > MAX_STYLE ? style.slice(0, MAX_STYLE) : style;
  const lead = css.trimStart();
  if (lead.startsWith('{') || css.includes('{{') || css.includes('${')) return false;
  let nameStart = true;
  for (let i = 0; i < css.length; i++) {
    const c = css.charCodeAt(i);
    if (c === 34 || c === 39) {
      // An unclosed quote (`font-family: O'Brien`) is a typo, not a string to hide in.
      const close = css.indexOf(css[i]!, i + 1);
      if (close < 0) return false;
      if (!isDataUrl(css, i + 1) && smuggledIn(css, i + 1, close)) return true;
      i = close;
      nameStart = false;
    } else if (c === 47 && css.charCodeAt(i + 1) === 42) {
      const close = css.indexOf('*/', i + 2);
      i = close < 0 ? css.length : close + 1;
    } else if (c === 123 || c === 125)
      return true; // { }
    else if (c === 40 && css.slice(Math.max(0, i - 3), i).toLowerCase() === 'url') {
      let j = i + 1;
      while (j < css.length && isSpace(css.charCodeAt(j))) j++;
      if (css.charCodeAt(j) === 34 || css.charCodeAt(j) === 39) continue;
      const close = css.indexOf(')', j);
      if (!isDataUrl(css, j) && brokenUrl(css, j, close < 0 ? css.length : close)) return true;
      i = close < 0 ? css.length : close;
    } else if (c === SEMICOLON) nameStart = true;
    else if (c === COLON) nameStart = false;
    else if (c === BACKSLASH && nameStart) return true;
    else if (!isIdentChar(c) && !isSpace(c) && c !== 45) nameStart = false;
  }
  return false;
}
