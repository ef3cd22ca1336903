import type { RequestView } from '../../../core/index.js';
import type { Anomalies } from './anomalies.js';
import { charsetKind } from './charsets.js';
import { type BodyContext, checkContentType } from './check-content-type.js';
import { checkRange } from './check-range.js';
import { checkUploadHeader } from './check-upload-names.js';

const OVERRIDE_HEADERS: readonly string[] = ['x-http-method-override', 'x-http-method', 'x-method-override'];
const CACHE_DIRECTIVES: ReadonlySet<string> = new Set(
  'max-age max-stale min-fresh no-cache no-store no-transform only-if-cached stale-if-error stale-while-revalidate must-revalidate proxy-revalidate'.split(
    ' ',
  ),
);
const CODINGS: ReadonlySet<string> = new Set(
  'gzip deflate br compress identity zstd x-gzip x-compress x-deflate exi pack200-gzip aes128gcm dcb dcz *'.split(
    ' ',
  ),
);
// Browsers send a few dozen characters of codings; hundreds are a parser stress test.
const MAX_ACCEPT_ENCODING = 200;
// Grammars of fields only software writes (RFC 9110, RFC 4918): a value outside them was typed by hand.
const CONTENT_RANGE = /^[A-Za-z][\w-]*[ \t]+(?:\d+-\d+|\*)\/(?:\d+|\*)$/;
const LOCK_TOKEN = /^<[^<>\s]+>$/;
const IF_LIST = /^[(<]/;
// A quoted cookie value swallowing `;`: RFC 2109 parsers read the cookies after it as part of one value.
const QUOTED_SEMICOLON = /=\\?"[^"]*;/;
const CONTROL_ESCAPE = /%(?:[01][0-9A-Fa-f]|7[Ff])/;

/** What a field check may look at besides the value. */
export interface FieldContext {
  readonly view: RequestView;
  readonly body: BodyContext;
}

type FieldCheck = (value: string, out: Anomalies, name: string, context: FieldContext) => void;

// Structured-field booleans (`?0`, `?1`) that browsers send; anything else is a forged client.
function checkBooleanHint(value: string, out: Anomalies, name: string): void {
  if (value !== '?0' && value !== '?1') out.add('invalid-client-hint', 0.9, `header.${name}`, value);
}

function checkCacheControl(value: string, out: Anomalies): void {
  if (CACHE_DIRECTIVES.has(value)) return;
  for (const part of value.split(',')) {
    const name = part.split('=')[0]!.trim().toLowerCase();
    if (!CACHE_DIRECTIVES.has(name)) {
      out.add('odd-cache-control', 0.3, 'header.cache-control', value);
      return;
    }
  }
}

// Browsers send a handful of fixed Accept-Encoding values: remember the ones already found valid.
const GOOD_ENCODINGS = new Set<string>();

function checkAcceptEncoding(value: string, out: Anomalies): void {
  if (value.trim() === '' || GOOD_ENCODINGS.has(value)) return;
  if (value.length > MAX_ACCEPT_ENCODING) {
    out.add('odd-accept-encoding', 0.9, 'header.accept-encoding', value);
    return;
  }
  const unknown = value.split(',').some((part) => !CODINGS.has(part.split(';')[0]!.trim().toLowerCase()));
  if (unknown) out.add('odd-accept-encoding', 0.3, 'header.accept-encoding', value);
  else if (GOOD_ENCODINGS.size < 256) GOOD_ENCODINGS.add(value);
}

// `close, close` or `keep-alive, close`: no client stack writes options twice or both ways at once.
function checkConnection(value: string, out: Anomalies): void {
  if (!value.includes(',')) return;
  const options = value.split(',').map((o) => o.trim().toLowerCase());
  const repeated = new Set(options).size < options.length;
  if (repeated || (options.includes('close') && options.includes('keep-alive')))
    out.add('odd-connection', 0.9, 'header.connection', value);
}

// A charset parameter in Accept asks for a response in that encoding; UTF-7 or EBCDIC there evades filters.
function checkAcceptCharsets(value: string, out: Anomalies): void {
  for (const m of value.matchAll(/charset\s*=\s*("[^"]*"|[^,;\s]*)/gi)) {
    const kind = charsetKind(m[1]!);
    if (kind !== 'known') out.add('charset-evasion', kind === 'evasive' ? 0.9 : 0.5, 'header.accept', value);
  }
}

// Cookie names are the site's own tokens (Set-Cookie, document.cookie); an escaped control byte in one
// was not set by the site.
function checkCookieNames(value: string, out: Anomalies): void {
  for (const cookie of value.split(';')) {
    const eq = cookie.indexOf('=');
    const name = eq < 0 ? cookie : cookie.slice(0, eq);
    if (name.includes('%') && CONTROL_ESCAPE.test(name)) out.add('control-char', 0.9, 'header.cookie', name);
  }
}

function checkCookie(value: string, out: Anomalies): void {
  if (value.includes('%')) checkCookieNames(value, out);
  if (!value.includes('$') || !/(?:^|;)\s*\$Version\s*=/.test(value)) return;
  const smuggling = value.includes('"') && QUOTED_SEMICOLON.test(value);
  out.add('legacy-cookie', smuggling ? 0.9 : 0.4, 'header.cookie', value);
}

// A content coding of a GET or HEAD, which has no body to code; on a body it hides the body from
// inspection (this engine reads bodies as sent).
function checkContentEncoding(value: string, out: Anomalies, _name: string, context: FieldContext): void {
  const coding = value.trim().toLowerCase();
  if (coding === '' || coding === 'identity') return;
  const { method } = context.view;
  const bodiless = (method === 'GET' || method === 'HEAD') && context.body.head === '';
  out.add('content-encoding', bodiless ? 0.9 : 0.5, 'header.content-encoding', value);
}

// ASP.NET decodes the body in the charset this header names when the User-Agent starts with `UP` (the
// UP.Browser of old phones): then an EBCDIC or UTF-7 charset hides the payload from inspection.
function checkDevcapCharset(value: string, out: Anomalies, _name: string, context: FieldContext): void {
  const agent = context.view.headers.find(([n]) => n === 'user-agent')?.[1] ?? '';
  const honored = agent.startsWith('UP') && charsetKind(value) === 'evasive';
  out.add('charset-evasion', honored ? 0.9 : 0.7, 'header.x-up-devcap-post-charset', value);
}

function grammar(pattern: RegExp): FieldCheck {
  return (value, out, name) => {
    if (!pattern.test(value.trim())) out.add('malformed-header', 0.9, `header.${name}`, value);
  };
}

/**
 * Checks by header name, looked up once per header: Content-Type, Range, httpoxy's `Proxy`, the obsolete
 * `Request-Range` (Apache Killer's way around Range limits), method overrides, charset tricks, and fields
 * no browser would send malformed (client hints, Cache-Control, Accept-Encoding, Connection, WebDAV `If`
 * and `Lock-Token`, Content-Range), and upload names.
 */
export const FIELD_CHECKS: ReadonlyMap<string, FieldCheck> = new Map<string, FieldCheck>([
  ['content-type', (v, out, _n, c) => checkContentType(v, out, c.body)],
  ['range', (v, out, _n, c) => checkRange(v, 'header.range', out, c.view.path)],
  ['request-range', (v, out) => out.add('request-range', 0.9, 'header.request-range', v)],
  ['proxy', (v, out) => out.add('httpoxy', 0.9, 'header.proxy', v)],
  ['x-up-devcap-post-charset', checkDevcapCharset],
  ['sec-fetch-user', checkBooleanHint],
  ['sec-ch-ua-mobile', checkBooleanHint],
  ['cache-control', checkCacheControl],
  ['accept-encoding', checkAcceptEncoding],
  ['connection', checkConnection],
  ['accept', (v, out) => v.includes('charset') && checkAcceptCharsets(v, out)],
  ['cookie', checkCookie],
  ['content-encoding', checkContentEncoding],
  // Headers upload widgets (Fine Uploader, XHR uploads) name the file of a raw body with.
  ['x-filename', checkUploadHeader],
  ['x_filename', checkUploadHeader],
  ['x-file-name', checkUploadHeader],
  ['content-range', grammar(CONTENT_RANGE)],
  ['lock-token', grammar(LOCK_TOKEN)],
  ['if', grammar(IF_LIST)],
  ...OVERRIDE_HEADERS.map((h): [string, FieldCheck] => [
    h,
    (v, out) => out.add('method-override', 0.4, `header.${h}`, v),
  ]),
]);
