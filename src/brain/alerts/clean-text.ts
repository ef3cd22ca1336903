// C0 and C1 controls, DEL, zero-width characters, line and paragraph separators and the bidirectional
// overrides and isolates: none belongs in one line of an alert, and the last ones can make text read backwards.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+/g;

/** Default longest cleaned value, in code points. */
export const DEFAULT_TEXT_MAX = 200;

/**
 * Text from a request (or anything an attacker may have chosen) made fit for an alert: controls become one
 * space, the ends are trimmed, and past `max` code points it is cut with `…`. Not an escape: each channel
 * escapes for its own format.
 * @example cleanText('evil\r\nX-Injected: 1', 10) // 'evil X-In…'
 */
export function cleanText(text: string | number, max = DEFAULT_TEXT_MAX): string {
  const str = String(text);
  // Bound the work before the regular expression runs: an attacker's value can be long.
  const cut = str.length > max * 2 + 16;
  const flat = (cut ? str.slice(0, max * 2 + 16).replace(/[\ud800-\udbff]$/, '') : str)
    .replace(CONTROL, ' ')
    .trim();
  const points = Array.from(flat);
  if (points.length > max) return `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
  return cut ? `${flat}…` : flat;
}

/**
 * A request path without its query string or fragment, cleaned: queries carry tokens and passwords often
 * enough that an alert never repeats one.
 * @example pathOnly('/login?token=abc') // '/login?…'
 */
export function pathOnly(path: string, max = DEFAULT_TEXT_MAX): string {
  const end = path.search(/[?#]/);
  return end === -1 ? cleanText(path, max) : `${cleanText(path.slice(0, end), max)}?…`;
}
