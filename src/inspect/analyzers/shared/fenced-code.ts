import type { Inspectable } from '../../inspectable.js';
import { inFreeTextField } from './free-text-field.js';
import { hasLines } from './line-breaks.js';

const FENCE = '```';
// A fence opening a line, as typed or as a form sends it (`%0A%60%60%60`).
const LINE_FENCE = /(?:^|\n|%0a)(?:[ \t]|%20|\+){0,3}(?:```|%60%60%60)/i;
const DOCUMENT_LENGTH = 200;

/**
 * Whether a value is a Markdown document with fenced code blocks, typed into a field named for text (a
 * post, an answer, an issue): what its fences hold is shown as code, not rendered as markup.
 */
export function isFencedDocument(item: Inspectable): boolean {
  const { value } = item;
  return (
    value.length > DOCUMENT_LENGTH &&
    hasLines(value) &&
    LINE_FENCE.test(value) &&
    inFreeTextField(item.location)
  );
}

/**
 * `text` with every fenced block (from a ``` to the next, or to the end when it is not closed) blanked,
 * offsets kept. Works on spellings whose line breaks were folded into spaces too.
 * @example blankFences('a ```<b>``` c') // 'a           c'
 */
export function blankFences(text: string): string {
  let out = '';
  let at = 0;
  for (let open = text.indexOf(FENCE); open >= 0; open = text.indexOf(FENCE, at)) {
    const close = text.indexOf(FENCE, open + FENCE.length);
    const end = close < 0 ? text.length : close + FENCE.length;
    out += text.slice(at, open) + ' '.repeat(end - open);
    at = end;
    if (close < 0) break;
  }
  return out + text.slice(at);
}
