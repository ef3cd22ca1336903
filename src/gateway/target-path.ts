/**
 * The path of a request target, without its query.
 * @example targetPath('/search?q=1') // '/search'
 */
export function targetPath(target: string): string {
  const q = target.indexOf('?');
  return q < 0 ? target : target.slice(0, q);
}
