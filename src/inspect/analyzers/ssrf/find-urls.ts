/** Where a URL-like text starts in a value and what its scheme is. */
export interface UrlSpan {
  /** Lower-cased scheme, without a wrapper: `http` for `jar:http://…`. */
  readonly scheme: string;
  /** Lower-cased wrapper scheme written before it (`jar`, `url`, `view-source`), '' when none. */
  readonly wrapper: string;
  /** Index of the first character of the scheme (of the wrapper when there is one). */
  readonly start: number;
  /** Index just after the `:` that ends the scheme. */
  readonly rest: number;
  /** How many `/` or `\` follow the `:`. */
  readonly slashes: number;
  /** Index of the first character of the authority (after the slashes). */
  readonly authority: number;
}

const WRAPPERS = new Set(['jar', 'url', 'view-source', 'feed', 'netdoc', 'wrap']);
const MAX_URLS = 8;
const MAX_SCHEME = 24;

function isSchemeChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 43 ||
    c === 45 ||
    c === 46 ||
    c === 95
  );
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * Finds up to eight `scheme:` openings in a value and measures what follows each; callers decide which
 * schemes matter. A wrapper (`jar:`, `url:`) is folded into the scheme it wraps.
 * @example findUrls('go to http://127.1/')[0]?.scheme // 'http'
 */
export function findUrls(text: string): UrlSpan[] {
  const found: UrlSpan[] = [];
  let from = 0;
  while (found.length < MAX_URLS) {
    const colon = text.indexOf(':', from);
    if (colon < 0) break;
    from = colon + 1;
    let s = colon;
    while (s > 0 && colon - s < MAX_SCHEME && isSchemeChar(text.charCodeAt(s - 1))) s--;
    while (s < colon && !isLetter(text.charCodeAt(s))) s++;
    if (s === colon) continue;
    const scheme = text.slice(s, colon).toLowerCase();
    if (
      WRAPPERS.has(scheme) &&
      isLetter(text.charCodeAt(colon + 1)) &&
      text.indexOf(':', colon + 1) > colon
    ) {
      continue; // the wrapped scheme is found at its own colon
    }
    let start = s;
    let wrapper = '';
    if (s > 1 && text[s - 1] === ':') {
      let w = s - 1;
      while (w > 0 && s - w < MAX_SCHEME && isSchemeChar(text.charCodeAt(w - 1))) w--;
      const candidate = text.slice(w, s - 1).toLowerCase();
      if (WRAPPERS.has(candidate)) {
        wrapper = candidate;
        start = w;
      }
    }
    let a = colon + 1;
    while (a < text.length && a - colon <= 8 && (text[a] === '/' || text[a] === '\\')) a++;
    found.push({ scheme, wrapper, start, rest: colon + 1, slashes: a - colon - 1, authority: a });
  }
  return found;
}
