// RFC 9110 `tchar`: the characters of a token (method, header name, media type, parameter name).
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

/** Whether `s` is a non-empty RFC 9110 token. */
export function isToken(s: string): boolean {
  return TOKEN.test(s);
}

/** The first control character (other than tab) in `s`, or -1: CR, LF, NUL and kin have no place in a field. */
export function controlAt(s: string): number {
  return s.search(CONTROL);
}
