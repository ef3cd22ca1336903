/** What a redacted value is replaced by: plain letters, so that replaying it finds nothing. */
export const REDACTED = 'REDACTED';

// Names whose values are secrets or personal: passwords, tokens, keys, sessions, card numbers.
const SENSITIVE_NAME =
  /pass(?:word|wd|phrase)?|pwd|secret|token|api[-_]?key|access[-_]?key|auth|session|sess[-_]?id|^sid$|csrf|xsrf|otp|totp|mfa|credit|card[-_]?(?:number|no)|cvv|cvc|ssn|iban|pin$/i;
// A value that is nothing but a long run of token characters: a credential, not an attack.
const TOKEN_VALUE = /^[A-Za-z0-9+/=_.~-]{24,}$/;

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'x-auth-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-amz-security-token',
]);

/** Whether a field's value is kept out of the sample. */
export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

const redactValue = (name: string, value: string) =>
  isSensitiveName(name) || TOKEN_VALUE.test(value) ? REDACTED : value;

/** An urlencoded string (a query, a form body) with sensitive values replaced; other bytes kept as they were. */
export function redactUrlencoded(text: string): string {
  if (text === '') return text;
  return text
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const rawName = pair.slice(0, eq);
      const rawValue = pair.slice(eq + 1);
      let name = rawName;
      let value = rawValue;
      try {
        name = decodeURIComponent(rawName.replaceAll('+', ' '));
        value = decodeURIComponent(rawValue.replaceAll('+', ' '));
      } catch {
        // Malformed escapes: judge the raw text.
      }
      return redactValue(name, value) === REDACTED ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&');
}

/** A cookie header with the values of sensitive or token-like cookies replaced. */
export function redactCookies(header: string): string {
  return header
    .split(';')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq < 0) return part;
      const name = part.slice(0, eq).trim();
      return redactValue(name, part.slice(eq + 1).trim()) === REDACTED
        ? `${part.slice(0, eq)}=${REDACTED}`
        : part;
    })
    .join(';');
}

/** A header's value as it is kept in a sample. */
export function redactHeader(name: string, value: string): string {
  if (SECRET_HEADERS.has(name)) return REDACTED;
  if (name === 'cookie') return redactCookies(value);
  if (name === 'set-cookie') return REDACTED;
  return isSensitiveName(name) && !name.startsWith('sec-') ? REDACTED : value;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function redactJsonValue(value: Json, name: string): Json {
  if (typeof value === 'string') return redactValue(name, value);
  if (Array.isArray(value)) return value.map((item) => redactJsonValue(item, name));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] =
        isSensitiveName(key) && (typeof inner !== 'object' || inner === null)
          ? REDACTED
          : redactJsonValue(inner, key);
    }
    return out;
  }
  return value;
}

// For a JSON prefix that does not parse (cut at the inspection limit): sensitive members' string values.
const JSON_MEMBER = /"((?:[^"\\]|\\.){1,128})"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;

/** A JSON text with sensitive members' values replaced; a prefix that does not parse is redacted member by member. */
export function redactJson(text: string): string {
  try {
    return JSON.stringify(redactJsonValue(JSON.parse(text) as Json, ''));
  } catch {
    return text.replace(JSON_MEMBER, (whole, name: string, colon: string, value: string) =>
      redactValue(name, value) === REDACTED ? `"${name}"${colon}"${REDACTED}"` : whole,
    );
  }
}
