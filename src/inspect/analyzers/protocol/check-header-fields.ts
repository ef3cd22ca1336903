import type { RequestView } from '../../../core/index.js';
import type { Anomalies } from './anomalies.js';
import { charsetName, EVASIVE_CHARSET } from './charsets.js';
import { checkContentType } from './check-content-type.js';
import { checkRange } from './check-range.js';
import { controlAt, isToken } from './http-token.js';

const MAX_VALUE = 8 * 1024;
const MAX_TOTAL = 32 * 1024;
const OVERRIDE_HEADERS: ReadonlySet<string> = new Set([
  'x-http-method-override',
  'x-http-method',
  'x-method-override',
]);
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

// Header names already checked to be tokens; most requests repeat the same few dozen.
const VALID_NAMES = new Set<string>();

// Structured-field booleans (`?0`, `?1`) that browsers send; anything else is a forged client.
function checkBooleanHint(name: string, value: string, out: Anomalies): void {
  if (value !== '?0' && value !== '?1') out.add('invalid-client-hint', 0.3, `header.${name}`, value);
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
  const unknown = value.split(',').some((part) => !CODINGS.has(part.split(';')[0]!.trim().toLowerCase()));
  if (unknown || value.length > 256) out.add('odd-accept-encoding', 0.3, 'header.accept-encoding', value);
  else if (GOOD_ENCODINGS.size < 256) GOOD_ENCODINGS.add(value);
}

function checkConnection(value: string, out: Anomalies): void {
  if (!value.includes(',')) return;
  const options = value.split(',').map((o) => o.trim().toLowerCase());
  const repeated = new Set(options).size < options.length;
  if (repeated || (options.includes('close') && options.includes('keep-alive')))
    out.add('odd-connection', 0.3, 'header.connection', value);
}

function checkAcceptCharsets(value: string, out: Anomalies): void {
  for (const m of value.matchAll(/charset\s*=\s*("[^"]*"|[^,;\s]*)/gi)) {
    if (EVASIVE_CHARSET.test(charsetName(m[1]!))) out.add('charset-evasion', 0.5, 'header.accept', value);
  }
}

type FieldCheck = (value: string, out: Anomalies, name: string) => void;

// Checks by header name, looked up once per header.
const FIELD_CHECKS = new Map<string, FieldCheck>([
  ['content-type', (v, out) => checkContentType(v, out)],
  ['range', (v, out) => checkRange(v, 'header.range', out)],
  ['request-range', (v, out) => out.add('request-range', 0.5, 'header.request-range', v)],
  ['proxy', (v, out) => out.add('httpoxy', 0.9, 'header.proxy', v)],
  [
    'x-up-devcap-post-charset',
    (v, out) => out.add('charset-evasion', 0.7, 'header.x-up-devcap-post-charset', v),
  ],
  ['sec-fetch-user', (v, out, name) => checkBooleanHint(name, v, out)],
  ['sec-ch-ua-mobile', (v, out, name) => checkBooleanHint(name, v, out)],
  ['cache-control', checkCacheControl],
  ['accept-encoding', checkAcceptEncoding],
  ['connection', checkConnection],
  ['accept', (v, out) => v.includes('charset') && checkAcceptCharsets(v, out)],
  [
    'cookie',
    (v, out) =>
      v.includes('$') &&
      /(?:^|;)\s*\$Version\s*=/.test(v) &&
      out.add('legacy-cookie', 0.4, 'header.cookie', v),
  ],
  ...[...OVERRIDE_HEADERS].map((h): [string, FieldCheck] => [
    h,
    (v, out) => out.add('method-override', 0.4, `header.${h}`, v),
  ]),
]);

// Control characters in a value: a live parser refuses most, a replayed or proxied request may not.
function checkControls(headers: RequestView['headers'], out: Anomalies): void {
  for (const [name, value] of headers) {
    const control = controlAt(value);
    if (control < 0) continue;
    const c = value.charCodeAt(control);
    out.add('control-char-in-header', c === 0 || c === 10 || c === 13 ? 0.9 : 0.7, `header.${name}`, value);
  }
}

/**
 * Header fields one by one: names that are not tokens, control characters in values, counts and sizes
 * beyond what clients send, httpoxy's `Proxy`, method overrides, charset tricks, Range abuse, and
 * fields no browser would send malformed (client hints, Cache-Control, Accept-Encoding, Connection).
 */
export function checkHeaderFields(view: RequestView, out: Anomalies, maxHeaders: number): void {
  const { headers } = view;
  if (headers.length > maxHeaders) out.add('header-count', 0.5, 'headers', `${headers.length} headers`);
  let total = 0;
  let contentTypes = 0;
  for (const [name, value] of headers) {
    total += name.length + value.length + 4;
    if (!VALID_NAMES.has(name)) {
      if (isToken(name)) {
        if (VALID_NAMES.size < 1024) VALID_NAMES.add(name);
      } else out.add('invalid-header-name', 0.8, 'headers', name);
    }
    if (value.length > MAX_VALUE) out.add('header-size', 0.4, `header.${name}`, `${value.length} bytes`);
    if (name === 'content-type') contentTypes++;
    FIELD_CHECKS.get(name)?.(value, out, name);
  }
  checkControls(headers, out);
  if (total > MAX_TOTAL) out.add('header-size', 0.5, 'headers', `${total} bytes`);
  if (contentTypes > 1)
    out.add('duplicate-content-type', 0.6, 'header.content-type', `${contentTypes} Content-Type headers`);
  // A body without a type is parsed by guesswork, differently by each component on the way.
  const chunked = headers.some(([n]) => n === 'transfer-encoding');
  if (contentTypes === 0 && !chunked && view.body !== undefined && view.body.length > 0)
    out.add('missing-content-type', 0.3, 'header.content-type', `${view.method} body without Content-Type`);
}
