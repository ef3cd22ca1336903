import { locationName } from './location-name.js';
import { firstNonSpace } from './sniff-body.js';
import type { ValueSink } from './value-sink.js';

const OPERATION = /^(?:query|mutation|subscription|fragment)[\s({]/;

/** A JSON `query` field holds a GraphQL document, not a search string: `{ user(id: 1) { name } }`. */
export function looksLikeGraphql(text: string): boolean {
  const start = firstNonSpace(text);
  if (text.charCodeAt(start) === 123) return true;
  return text.indexOf('{', start) > 0 && OPERATION.test(text.slice(start, start + 13));
}

function isIdentifierChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Index after the string that opens at `i` (`"..."` or `"""..."""`), and its raw content. */
function readString(text: string, i: number): [end: number, content: string] {
  if (text.startsWith('"""', i)) {
    const close = text.indexOf('"""', i + 3);
    const end = close < 0 ? text.length : close;
    return [end + 3, text.slice(i + 3, end)];
  }
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 34 || c === 10) break;
    j += c === 92 ? 2 : 1;
  }
  j = Math.min(j, text.length);
  return [j + 1, text.slice(i + 1, j)];
}

/**
 * A GraphQL document as one `body.graphql` value, and each string literal as `body.graphql.<argument>`
 * (as received, escapes kept), named after the nearest `name:` before it.
 */
export function extractGraphql(text: string, sink: ValueSink): void {
  sink.add('body.graphql', 'body-text', text);
  let argument = 'arg';
  let i = 0;
  while (i < text.length && !sink.full) {
    const c = text.charCodeAt(i);
    if (c === 35) {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol + 1;
    } else if (c === 34) {
      const [end, content] = readString(text, i);
      if (content !== '') sink.add(locationName('body.graphql', argument), 'body-value', content);
      i = end;
    } else if (isIdentifierChar(c)) {
      const from = i;
      while (i < text.length && isIdentifierChar(text.charCodeAt(i))) i++;
      let k = i;
      while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
      if (text.charCodeAt(k) === 58) argument = text.slice(from, i);
    } else {
      i++;
    }
  }
}
