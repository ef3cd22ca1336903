/**
 * A test for a request path (without its query): a pattern with `*` (any characters, `/` included) or `?`
 * (one character) is a glob over the whole path; any other pattern is a prefix, as gateway routes are.
 * @example pathMatcher('/api/*')('/api/products/7'); // true
 * @example pathMatcher('/static')('/static/app.js'); // true
 */
export function pathMatcher(pattern: string): (path: string) => boolean {
  if (!/[*?]/.test(pattern)) return (path) => path.startsWith(pattern);
  const source = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  const regex = new RegExp(`^${source}$`, 's');
  return (path) => regex.test(path);
}
