import type { Anomalies } from './anomalies.js';
import { charsetKind } from './charsets.js';
import { isToken } from './http-token.js';

const MULTIPART_SUBTYPES: ReadonlySet<string> = new Set([
  'form-data',
  'mixed',
  'related',
  'alternative',
  'byteranges',
  'signed',
  'encrypted',
  'x-mixed-replace',
  'digest',
  'parallel',
  'report',
]);
const MEDIA_PART = /^[A-Za-z0-9!#$&^_.+*-]+$/;
const BOUNDARY = /^[0-9A-Za-z'()+_,./:=? -]{1,70}$/;
// A boundary that holds a media type or a parameter: a second Content-Type smuggled into the first.
const SMUGGLED = /^[\w.+-]+\/[\w.+-]+|[=;]/;

/** What the Content-Type check needs to know of the request. */
export interface BodyContext {
  /** The first bytes of the body as Latin-1 text, '' when there is none. */
  readonly head: string;
}

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
 * The request Content-Type: a malformed media type or parameter, several charsets or one that hides the
 * body (UTF-7, EBCDIC) or names no encoding at all, a `boundary` on a non-multipart type (body-parser
 * confusion, a media type smuggled in the boundary), a multipart type without a usable boundary. What
 * only matters for a body weighs 0.9 when there is one.
 */
export function checkContentType(value: string, out: Anomalies, body: BodyContext): void {
  const location = 'header.content-type';
  const hasBody = body.head !== '';
  if (value.trim() === '') {
    out.add('malformed-content-type', hasBody ? 0.5 : 0.3, location, value);
    return;
  }
  const [media = '', ...rest] = params(value);
  const slash = media.indexOf('/');
  const type = media.slice(0, slash).trim().toLowerCase();
  const subtype = media
    .slice(slash + 1)
    .trim()
    .toLowerCase();
  // No client library writes a type without `type/subtype` form.
  if (slash < 0 || !MEDIA_PART.test(type) || !MEDIA_PART.test(subtype))
    out.add('malformed-content-type', hasBody ? 0.9 : 0.6, location, value);
  else if (type === 'multipart' && !MULTIPART_SUBTYPES.has(subtype))
    out.add('malformed-content-type', 0.9, location, value);
  let charsets = 0;
  let boundary: string | undefined;
  for (const param of rest) {
    if (param.trim() === '') continue;
    const eq = param.indexOf('=');
    if (eq < 0) {
      // `application/json; utf-8` is a sloppy client; `text/xml; blah` is not a parameter at all.
      out.add('malformed-content-type', charsetKind(param) === 'known' ? 0.5 : 0.9, location, value);
      continue;
    }
    const name = param.slice(0, eq).trim().toLowerCase();
    if (!isToken(name)) {
      out.add('malformed-content-type', 0.9, location, value);
      continue;
    }
    const raw = param.slice(eq + 1);
    if (name === 'charset') {
      charsets++;
      if (charsetKind(raw, `${type}/${subtype}`) !== 'known')
        out.add('charset-evasion', hasBody ? 0.9 : 0.5, location, value);
    } else if (name === 'boundary') boundary = raw.trim();
  }
  if (charsets > 1) out.add('charset-evasion', 0.9, location, value);
  const bare = boundary?.replace(/^"(.*)"$/, '$1');
  if (bare !== undefined && type !== 'multipart') {
    const confused = SMUGGLED.test(bare) || (bare !== '' && body.head.startsWith(`--${bare}`));
    out.add('content-type-confusion', confused ? 0.9 : 0.8, location, value);
  }
  if (type === 'multipart' && (bare === undefined || bare === '' || !BOUNDARY.test(bare.trim())))
    out.add('multipart-boundary', hasBody ? 0.9 : 0.5, location, value);
}
