/**
 * The value of one cookie in a Cookie header, or '' when it is not there.
 * @example cookieValue('a=1; sid=xyz', 'sid') // 'xyz'
 */
export function cookieValue(header: string | undefined, name: string): string {
  if (header === undefined) return '';
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
  }
  return '';
}
