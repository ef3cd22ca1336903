import { isHtmlSpace, isQuote } from './char-class.js';

const LT = 60;

function nextNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isHtmlSpace(text.charCodeAt(i))) i++;
  return i;
}
function nextMarkup(text: string, from: number): number {
  let i = nextNonSpace(text, from);
  if (isQuote(text.charCodeAt(i))) i = nextNonSpace(text, i + 1);
  return i;
}
// What may sit between the quote that closes an attribute and the `>` that closes its tag: `"/>`, `')>`.
const CLOSERS = new Set([47, 41, 59, 125]); // / ) ; }

/**
 * Where text before the first tag closes the tag the value landed in: a quote then `>` (`">`, `' />`,
 * `"/>`), a `>` the value opens with, or `-->` closing a comment it did not open; -1 when there is none. The start of an injection that goes on to
 * write its own markup.
 * @example breakoutPrefix('x" /><b>', 6) // 1
 */
export function breakoutPrefix(text: string, end: number): number {
  let gt = text.indexOf('>');
  while (gt >= 0 && gt < end) {
    let k = gt - 1;
    while (k >= 0 && (isHtmlSpace(text.charCodeAt(k)) || CLOSERS.has(text.charCodeAt(k)))) k--;
    if (k >= 0 && isQuote(text.charCodeAt(k))) return k;
    // A value that opens with `>` and goes on with markup closes the tag it landed in (a markdown
    // quote, `> text`, does not go on with markup).
    // (`>"<iframe …`: a stray quote after it, for the unquoted attribute and the quoted one alike.)
    if (k < 0 && text.charCodeAt(nextMarkup(text, gt + 1)) === LT) return gt;
    // `-->` closes the page's comment unless the value opened one itself.
    if (text.startsWith('--', gt - 2) && text.lastIndexOf('<!--', gt) < 0) return gt - 2;
    gt = text.indexOf('>', gt + 1);
  }
  return -1;
}

/** Elements whose content is text until their end tag: closing one lets the value write markup. */
export const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'noscript',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'template',
  'plaintext',
]);
