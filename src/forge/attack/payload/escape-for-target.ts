// What a request line cannot carry raw, or what would change its structure: percent-encoded always. `%`
// stays raw, so that a payload encoded on purpose goes on the wire as it was made.
const TARGET_UNSAFE = /[\u0000-\u0020"<>\\^`{|}#\u007f-\uffff]/gu;
const QUERY_UNSAFE = /[\u0000-\u0020"<>\\^`{|}#&+\u007f-\uffff]/gu;
const PATH_UNSAFE = /[\u0000-\u0020"<>\\^`{|}#?\u007f-\uffff]/gu;

const percent = (c: string): string =>
  [...Buffer.from(c, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** A value for a query string or a form body: what would end it (`&`, `#`) or change it (`+`) encoded. */
export function escapeQueryValue(value: string): string {
  return value.replace(QUERY_UNSAFE, percent);
}

/** A path segment: `?` and `#` encoded; `/` kept, since a traversal needs it raw. */
export function escapePathValue(value: string): string {
  return value.replace(PATH_UNSAFE, percent);
}

/** A whole request-target made sendable (a link found in a page). */
export function escapeTarget(value: string): string {
  return value.replace(TARGET_UNSAFE, percent);
}

/** Every byte but letters and digits percent-encoded (the `url` encoding). */
export function percentEncodeAll(value: string): string {
  return value.replace(/[^A-Za-z0-9]/gu, percent);
}

/** A header value: a line break would end the header, so control characters become spaces. */
export function escapeHeaderValue(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ');
}
