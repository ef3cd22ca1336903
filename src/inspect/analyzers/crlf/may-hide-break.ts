/**
 * Percent, entity and escape spellings of CR, LF, NEL, LS/PS and Latin-1-truncating wide characters, and
 * the escapes and entities themselves percent-encoded (`%5Cu000a`, `%26#10;`).
 */
const ENCODED_BREAK = /%(?:0[ad]|25|c2%85|e[0-9a-f]%|5c[nrux]|26(?:#|%23|newline))|&#|&newline;|\\[nrux]/i;
/** Raw line breaks, escape introducers, NEL and anything wide enough to be LS/PS or to truncate into CR/LF. */
const GATE = /[\r\n%&\\\u0085\u0100-\uffff]/;

/**
 * Cheap gate: can this raw value hold a line break in any spelling? Most values have no CR/LF, no `%`,
 * `&` or `\\` and nothing wide, and are done after one character-class scan.
 */
export function mayHideBreak(s: string): boolean {
  if (!GATE.test(s)) return false;
  if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || ENCODED_BREAK.test(s)) return true;
  return WIDE.test(s);
}

const WIDE = /[\u0085\u0100-\uffff]/;
