// A strategy picks its decoy by what the client asked for, however it encoded it: `%2e%2e%2fetc%2fpasswd`
// asks for the same file as `../etc/passwd`.
function decodeLoosely(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

/**
 * The target percent-decoded (twice, for double encoding) and lowercased, for matching only: never shown.
 * @example decodedTarget('/x?f=..%252Fetc%252Fpasswd') // '/x?f=../etc/passwd'
 */
export function decodedTarget(target: string): string {
  return decodeLoosely(decodeLoosely(target)).toLowerCase();
}

/** What an error page "quotes" from the request: the query, else the path, decoded and cut (not escaped). */
export function targetExcerpt(path: string, query: string, max: number): string {
  return decodeLoosely(query === '' ? path : query).slice(0, max);
}
