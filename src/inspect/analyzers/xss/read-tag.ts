import { isDigit, isHtmlSpace, isLetter } from './char-class.js';
import type { HtmlAttribute, HtmlTag } from './html-tag.js';

const SLASH = 47;
const GT = 62;
const EQ = 61;
const BANG = 33;
const QUESTION = 63;
const DASH = 45;
const COLON = 58;
const NUL = 0;
/** A tag longer than this is cut: it bounds the work per `<`, and real payloads are far shorter. */
const MAX_TAG_SPAN = 2048;
const MAX_ATTRIBUTES = 64;

function isNameEnd(c: number): boolean {
  return isHtmlSpace(c) || c === SLASH || c === GT;
}

function readName(s: string, from: number, limit: number, stopAtEquals: boolean): [string, number] {
  let i = from;
  let name = '';
  let run = from;
  for (; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (isNameEnd(c) || (stopAtEquals && c === EQ && i > from)) break;
    if (c === NUL) {
      // Tokenizers that drop NULs (or fold them to U+FFFD) let `<scr\0ipt>` through a naive filter.
      name += s.slice(run, i);
      run = i + 1;
    }
  }
  name += s.slice(run, i);
  return [name.toLowerCase(), i];
}

// The element a name stands for: `x:script` → `script`, `script<{alert(1)}` → `script`.
function elementOf(name: string): string {
  let start = 0;
  let end = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === COLON && i > start) {
      start = i + 1;
      end = start;
    } else if (isLetter(c) || isDigit(c) || c === DASH) end = i + 1;
    else break;
  }
  return name.slice(start, end);
}

function readValue(s: string, from: number, limit: number): [string, number, boolean] {
  const quote = s.charCodeAt(from);
  // Backticks quote values too: HTML5 does not agree, but old IE did, and payloads still use them.
  if (quote === 34 || quote === 39 || quote === 96) {
    const close = s.indexOf(String.fromCharCode(quote), from + 1);
    // An unclosed quote runs to the end, as the browser would take it.
    if (close < 0 || close >= limit) return [s.slice(from + 1, limit), limit, close < 0];
    return [s.slice(from + 1, close), close + 1, false];
  }
  let i = from;
  while (i < limit && !isHtmlSpace(s.charCodeAt(i)) && s.charCodeAt(i) !== GT) i++;
  return [s.slice(from, i), i, false];
}

function readAttributes(s: string, from: number, limit: number, out: HtmlAttribute[]): [number, boolean] {
  let i = from;
  while (i < limit && out.length < MAX_ATTRIBUTES) {
    const c = s.charCodeAt(i);
    if (isHtmlSpace(c) || c === SLASH || c === NUL) {
      i++;
      continue;
    }
    if (c === GT) return [i + 1, true];
    const at = i;
    const [name, nameEnd] = readName(s, i, limit, true);
    i = nameEnd;
    while (i < limit && isHtmlSpace(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) !== EQ || i >= limit) {
      out.push({ name, value: undefined, at });
      continue;
    }
    i++;
    while (i < limit && isHtmlSpace(s.charCodeAt(i))) i++;
    const [value, valueEnd, unclosed] = readValue(s, i, limit);
    out.push(unclosed ? { name, value, at, unclosed } : { name, value, at });
    i = valueEnd;
  }
  return [i, false];
}

/**
 * Reads the tag that starts at the `<` at index `at`, the way an HTML5 tokenizer would (tag name up to
 * whitespace, `/` or `>`; attributes with unquoted, single- or double-quoted values; `/` between
 * attributes), but tolerant: `</x …>`, `<!x …>` and `<?x …>` are read with their attributes too. Returns
 * undefined where HTML starts no tag (`<3`, `a < b`, `<!--`).
 * @example readTag('<svg/onload=alert(1)>', 0, 21)?.attributes // [{ name: 'onload', value: 'alert(1)', at: 5 }]
 */
export function readTag(s: string, at: number, end: number): HtmlTag | undefined {
  const limit = Math.min(end, at + MAX_TAG_SPAN);
  let i = at + 1;
  let kind: HtmlTag['kind'] = 'start';
  const first = s.charCodeAt(i);
  if (first === SLASH) {
    kind = 'end';
    i++;
  } else if (first === BANG || first === QUESTION) {
    if (first === BANG && s.charCodeAt(i + 1) === DASH && s.charCodeAt(i + 2) === DASH) return undefined;
    kind = 'bogus';
    i++;
  }
  while (s.charCodeAt(i) === NUL) i++;
  let name = '';
  if (isLetter(s.charCodeAt(i))) [name, i] = readName(s, i, limit, false);
  else if (kind === 'start' || s.charCodeAt(i) === GT || i >= limit) return undefined;
  else if (kind === 'end') kind = 'bogus';
  const attributes: HtmlAttribute[] = [];
  const [stop, closed] = readAttributes(s, i, limit, attributes);
  return { kind, name, element: elementOf(name), attributes, start: at, end: stop, closed };
}
