import type { Anomalies } from './anomalies.js';
import { charsetName, EVASIVE_CHARSET, KNOWN_CHARSET } from './charsets.js';
import { isToken } from './http-token.js';

const MULTIPART_SUBTYPES: ReadonlySet<string> = new Set([
  'form-data',
  'mixed',
  'related',
  'alternative',
  'byteranges',
  'signed',
  'encrypted',
]);
const MEDIA_PART = /^[A-Za-z0-9!#$&^_.+*-]+$/;
const BOUNDARY = /^[0-9A-Za-z'()+_,./:=? -]{1,70}$/;

// Splits `a=1; b="x;y"` on semicolons outside quotes.
function params(value: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 59 && !quoted) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

/**
 * The request Content-Type: a malformed media type or parameter, several charsets or an evasive one
 * (UTF-7, EBCDIC), a `boundary` on a non-multipart type (body-parser confusion), a multipart type
 * without a usable boundary.
 */
export function checkContentType(value: string, out: Anomalies): void {
  const location = 'header.content-type';
  const [media = '', ...rest] = params(value);
  const slash = media.indexOf('/');
  const type = media.slice(0, slash).trim().toLowerCase();
  const subtype = media
    .slice(slash + 1)
    .trim()
    .toLowerCase();
  if (slash < 0 || !MEDIA_PART.test(type) || !MEDIA_PART.test(subtype))
    out.add('malformed-content-type', 0.5, location, value);
  if (type === 'multipart' && !MULTIPART_SUBTYPES.has(subtype))
    out.add('malformed-content-type', 0.4, location, value);
  let charsets = 0;
  let boundary: string | undefined;
  for (const param of rest) {
    if (param.trim() === '') continue;
    const eq = param.indexOf('=');
    const name = param.slice(0, Math.max(0, eq)).trim().toLowerCase();
    if (eq < 0 || !isToken(name)) {
      out.add('malformed-content-type', 0.4, location, value);
      continue;
    }
    const raw = param.slice(eq + 1);
    if (name === 'charset') {
      charsets++;
      const charset = charsetName(raw);
      if (EVASIVE_CHARSET.test(charset)) out.add('charset-evasion', 0.8, location, value);
      else if (!KNOWN_CHARSET.test(charset)) out.add('charset-evasion', 0.5, location, value);
    } else if (name === 'boundary') boundary = raw;
  }
  if (charsets > 1) out.add('charset-evasion', 0.8, location, value);
  if (boundary !== undefined && type !== 'multipart') out.add('content-type-confusion', 0.8, location, value);
  if (type === 'multipart') {
    const bare = boundary?.replace(/^"(.*)"$/, '$1');
    if (bare === undefined || bare === '' || !BOUNDARY.test(bare.trim()))
      out.add('multipart-boundary', 0.5, location, value);
  }
}
