/** Where a value writes a cookie into the victim's browser, and how. */
export interface CookieWrite {
  readonly at: number;
  readonly form: 'meta' | 'script';
}

// `<meta http-equiv="Set-Cookie" content="sid=…">`: markup that sets a cookie without script.
const META_SET_COOKIE = /\bhttp-equiv\s*=\s*(?:["'`]\s*)?set-cookie\b/i;
// `document.cookie="sid=1; domain=.example.com"`, `x.cookie;expires=`: a script writing a cookie with its
// attributes, which a reader of cookies never writes.
const SCRIPT_COOKIE = /\.\s*cookie\b[^;\n]{0,128};\s*(?:expires|domain|path|max-age)\s*=/i;

/** A cookie set from inside a value: a `Set-Cookie` meta tag, or script writing a cookie with attributes. */
export function findCookieWrite(text: string): CookieWrite | undefined {
  const meta = META_SET_COOKIE.exec(text);
  if (meta !== null) return { at: meta.index, form: 'meta' };
  const script = SCRIPT_COOKIE.exec(text);
  return script === null ? undefined : { at: script.index, form: 'script' };
}
