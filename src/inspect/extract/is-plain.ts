// Cheap charCode checks that decide which names are worth inspecting: a name made only of these characters
// cannot carry syntax of any language the analyzers know, so emitting it would only cost time.

const WORD = 1;
const UNDERSCORE = 2;
const DASH = 4;
const DOT = 8;
const TILDE = 16;
// Separators of structured header values: `text/html;q=0.9, */*`, `gzip, br`, `[::1]:8080`, `"quoted"`.
const TOKEN = 32;

const CLASSES = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASSES[c] = WORD;
for (let c = 65; c <= 90; c++) CLASSES[c] = WORD;
for (let c = 97; c <= 122; c++) CLASSES[c] = WORD;
CLASSES[95] = UNDERSCORE;
CLASSES[45] = DASH;
CLASSES[46] = DOT;
CLASSES[126] = TILDE;
for (const c of ' ,;=/*+:[]"') CLASSES[c.charCodeAt(0)] = TOKEN;

function onlyOf(s: string, allowed: number, start = 0, end = s.length): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (CLASSES[c]! & allowed) === 0) return false;
  }
  return true;
}

/**
 * A parameter or JSON key name of letters, digits, `-` and single inner `_` (`user_id`, `page-size`).
 * Dots, brackets, a leading `_` and `__` are not plain: they carry gadget names, `a[$ne]`, `__proto__`
 * and ORM lookups (`name__startswith`).
 */
export function isPlainName(s: string): boolean {
  if (s.length === 0) return true;
  if (s.charCodeAt(0) === 95) return false;
  let previous = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || (CLASSES[c]! & (WORD | UNDERSCORE | DASH)) === 0) return false;
    if (c === 95 && previous === 95) return false;
    previous = c;
  }
  return true;
}

/** A cookie name of letters, digits, `_`, `-` and `.`: analytics cookies (`_ga`, `__utma`) are everywhere. */
export function isPlainCookieName(s: string): boolean {
  return onlyOf(s, WORD | UNDERSCORE | DASH | DOT);
}

/** `s.slice(start, end)` is a path segment of RFC 3986 unreserved characters only. */
export function isPlainSegment(s: string, start = 0, end = s.length): boolean {
  return onlyOf(s, WORD | UNDERSCORE | DASH | DOT | TILDE, start, end);
}

/** A (lower-cased) header name of letters, digits and `-`. */
export function isPlainHeaderName(s: string): boolean {
  return onlyOf(s, WORD | DASH);
}

/** A structured header value made of tokens and separators only (`gzip, deflate`, `en-US,en;q=0.9`). */
export function isTokenValue(s: string): boolean {
  return onlyOf(s, WORD | UNDERSCORE | DASH | DOT | TOKEN);
}

/** A method name of letters, digits, `-` and `_`. */
export function isPlainMethod(s: string): boolean {
  return s.length > 0 && onlyOf(s, WORD | UNDERSCORE | DASH);
}
