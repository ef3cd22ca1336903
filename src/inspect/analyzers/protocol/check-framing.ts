import type { RequestView } from '../../../core/index.js';
import type { Anomalies } from './anomalies.js';
import { framingRefusal } from './check-parser-refusal.js';

// Transfer codings a client may legitimately stack before `chunked`; anything else confuses parsers.
const CODINGS: ReadonlySet<string> = new Set([
  'gzip',
  'x-gzip',
  'deflate',
  'compress',
  'x-compress',
  'identity',
]);
// Bodies clients do send with GET: a search API's JSON, a sloppy client's form.
const GET_BODY_TYPES = /^\s*(?:application\/x-www-form-urlencoded|[\w.+-]+\/(?:[\w.+-]*\+)?json)\b/;
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._~-]+)(?::\d{1,5})?$/;

function judgeTransferEncoding(value: string): number {
  const codings = value.split(',').map((c) => c.trim().toLowerCase());
  if (value !== value.trim() || codings.at(-1) !== 'chunked') return 0.9;
  for (let i = 0; i < codings.length - 1; i++) if (!CODINGS.has(codings[i]!)) return 0.9;
  return codings.length > 1 ? 0.6 : 0;
}

/**
 * Message framing, the ground of request smuggling: Content-Length with Transfer-Encoding, conflicting
 * or non-numeric lengths, transfer codings other than `chunked`, several, empty or malformed Host headers,
 * bodies on GET and HEAD.
 */
export function checkFraming(view: RequestView, out: Anomalies): void {
  const lengths: string[] = [];
  const encodings: string[] = [];
  const hosts: string[] = [];
  for (const [name, value] of view.headers) {
    if (name === 'content-length') lengths.push(value);
    else if (name === 'transfer-encoding') encodings.push(value);
    else if (name === 'host') hosts.push(value);
  }
  if (lengths.length > 0 || encodings.length > 0) {
    const refused = framingRefusal(lengths, encodings);
    if (refused !== undefined) out.add('unparseable', 1, 'request-line', refused);
  }
  for (const length of lengths) {
    if (!/^\d{1,15}$/.test(length)) out.add('invalid-content-length', 0.9, 'header.content-length', length);
  }
  if (lengths.length > 1) {
    const distinct = new Set(lengths.map((l) => l.trim())).size > 1;
    out.add(
      distinct ? 'conflicting-content-length' : 'duplicate-content-length',
      distinct ? 1 : 0.6,
      'header.content-length',
      lengths.join(', '),
    );
  }
  if (encodings.length > 0 && lengths.length > 0)
    out.add('cl-te-conflict', 1, 'header.transfer-encoding', `${lengths[0]} / ${encodings[0]}`);
  if (encodings.length > 1)
    out.add('transfer-encoding', 0.9, 'header.transfer-encoding', encodings.join(', '));
  for (const encoding of encodings) {
    const confidence = judgeTransferEncoding(encoding);
    if (confidence > 0) out.add('transfer-encoding', confidence, 'header.transfer-encoding', encoding);
  }
  if (encodings.length > 0 && view.httpVersion === '1.0')
    out.add('transfer-encoding', 0.8, 'header.transfer-encoding', 'HTTP/1.0');
  if (hosts.length > 1) out.add('duplicate-host', 0.9, 'header.host', hosts.join(', '));
  else if (hosts.length === 0 && view.httpVersion === '1.1') {
    out.add('missing-host', 0.5, 'header.host', '');
    // The gateway's parser requires it (`requireHostHeader`), as RFC 9112 does.
    out.add('unparseable', 1, 'request-line', 'HTTP/1.1 without Host');
  }
  for (const host of hosts) {
    // HTTP/1.1 leaves Host empty only for targets without an authority, which no web client sends.
    if (host.trim() === '')
      out.add('invalid-host', view.httpVersion === '1.1' ? 0.9 : 0.5, 'header.host', host);
    else if (!HOST.test(host)) out.add('invalid-host', 0.7, 'header.host', host);
  }
  if (view.method === 'GET' || view.method === 'HEAD') checkBodyOnGet(view, lengths, encodings, out);
}

// A body on GET is one that some servers and proxies ignore and others read: the ground of smuggling and
// filter bypass. Search APIs (Elasticsearch) send JSON with GET and sloppy clients a form; a HEAD body, a
// chunked stream, or text or binary data of another type is none of those.
function checkBodyOnGet(
  view: RequestView,
  lengths: readonly string[],
  encodings: readonly string[],
  out: Anomalies,
): void {
  const declared = lengths.some((l) => /^\d+$/.test(l.trim()) && Number(l) > 0);
  const sent = view.body !== undefined && view.body.length > 0 && lengths.length === 0;
  if (encodings.length === 0 && !declared && !sent) return;
  const type = view.headers.find(([n]) => n === 'content-type')?.[1]?.toLowerCase();
  const usual = type === undefined || GET_BODY_TYPES.test(type);
  const weight = view.method === 'HEAD' || encodings.length > 0 || !usual ? 0.9 : 0.6;
  out.add(
    'body-on-get',
    weight,
    encodings.length > 0 ? 'header.transfer-encoding' : 'body',
    `${view.method} with ${encodings.length > 0 ? encodings[0] : 'a body'}`,
  );
}
