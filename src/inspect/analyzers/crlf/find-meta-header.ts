/** `http-equiv` values that act like the response headers an injection would forge. */
const HEADER_EQUIVALENTS = ['refresh', 'set-cookie', 'location', 'content-security-policy'];
const MAX_TAG = 512;

/**
 * Finds `<meta http-equiv="refresh|set-cookie|...">`: HTML that makes the browser act on a forged
 * header (redirect, cookie), the markup form of response splitting. Returns its index or -1.
 */
export function findMetaHeader(s: string, end: number): number {
  const lower = s.slice(0, end).toLowerCase();
  let close = -2;
  for (let i = lower.indexOf('<meta'); i >= 0; i = lower.indexOf('<meta', i + 5)) {
    // Search for the next `>` only when we passed the last one: repeated `<meta` stays linear.
    if (close !== -1 && close < i) close = lower.indexOf('>', i);
    const tag = lower.slice(i, close < 0 ? i + MAX_TAG : Math.min(close, i + MAX_TAG));
    const equiv = tag.indexOf('http-equiv');
    if (equiv < 0) continue;
    let j = equiv + 10;
    while (tag[j] === ' ' || tag[j] === '=' || tag[j] === '"' || tag[j] === "'") j++;
    for (const name of HEADER_EQUIVALENTS) if (tag.startsWith(name, j)) return i;
  }
  return -1;
}
