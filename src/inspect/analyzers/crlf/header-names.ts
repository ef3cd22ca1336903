/** A value must look like this for the header to count as well-formed (a cheap sanity check). */
type Shape = 'any' | 'digits' | 'url' | 'cookie' | 'media-type' | 'address';

/**
 * Headers whose injection changes what a browser, cache or backend does: framing, cookies, redirects,
 * security policy, the request headers backends trust for identity, and a mailer's recipients.
 */
const KNOWN: ReadonlyMap<string, Shape> = new Map<string, Shape>([
  ['content-length', 'digits'],
  ['transfer-encoding', 'any'],
  ['content-type', 'media-type'],
  ['content-disposition', 'any'],
  ['content-encoding', 'any'],
  ['content-security-policy', 'any'],
  ['set-cookie', 'cookie'],
  ['set-cookie2', 'cookie'],
  ['cookie', 'cookie'],
  ['location', 'url'],
  ['content-location', 'url'],
  ['refresh', 'any'],
  ['link', 'url'],
  ['cache-control', 'any'],
  ['pragma', 'any'],
  ['expires', 'any'],
  ['connection', 'any'],
  ['keep-alive', 'any'],
  ['upgrade', 'any'],
  ['host', 'any'],
  ['authorization', 'any'],
  ['proxy-authorization', 'any'],
  ['www-authenticate', 'any'],
  ['referer', 'url'],
  ['user-agent', 'any'],
  ['origin', 'url'],
  ['access-control-allow-origin', 'any'],
  ['access-control-allow-credentials', 'any'],
  ['access-control-allow-headers', 'any'],
  ['access-control-allow-methods', 'any'],
  ['strict-transport-security', 'any'],
  ['x-xss-protection', 'digits'],
  ['x-frame-options', 'any'],
  ['x-content-type-options', 'any'],
  ['x-forwarded-for', 'any'],
  ['x-forwarded-host', 'any'],
  ['x-forwarded-proto', 'any'],
  ['x-real-ip', 'any'],
  ['x-original-url', 'url'],
  ['x-rewrite-url', 'url'],
  ['remote-addr', 'any'],
  ['server', 'any'],
  ['vary', 'any'],
  ['etag', 'any'],
  ['last-modified', 'any'],
  ['accept', 'any'],
  ['range', 'any'],
  // Mail headers a contact form's mailer takes from a field (`x@y.z%0aBcc: victim@w.v`): more recipients.
  ['bcc', 'address'],
  ['cc', 'address'],
  ['to', 'address'],
  ['reply-to', 'address'],
]);

const URL_START = /^(?:https?:|\/|javascript:|data:)/i;
const COOKIE_PAIR = /^[^\s=;]{1,64}=/;
const MEDIA_TYPE = /^[\w.+-]{1,40}\/[\w.+-]/;
const ADDRESS = /[\w.+-]@[\w-]+\.[\w.-]/;

function fits(shape: Shape, value: string): boolean {
  switch (shape) {
    case 'any':
      return true;
    case 'digits':
      return value.charCodeAt(0) >= 48 && value.charCodeAt(0) <= 57;
    case 'url':
      return URL_START.test(value);
    case 'cookie':
      return COOKIE_PAIR.test(value);
    case 'media-type':
      return MEDIA_TYPE.test(value);
    case 'address':
      return ADDRESS.test(value);
  }
}

/** Whether `name: value` is a known HTTP header with a plausible value (name compared case-insensitively). */
export function isKnownHeader(name: string, value: string): boolean {
  const shape = KNOWN.get(name.toLowerCase());
  return shape !== undefined && fits(shape, value);
}
