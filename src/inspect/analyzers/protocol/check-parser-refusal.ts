import type { RequestView } from '../../../core/index.js';
import type { Anomalies } from './anomalies.js';

// The methods Node's HTTP parser (llhttp) accepts, case-sensitive: anything else is refused with a 400.
const PARSER_METHODS: ReadonlySet<string> = new Set(
  'ACL BIND CHECKOUT CONNECT COPY DELETE GET HEAD LINK LOCK M-SEARCH MERGE MKACTIVITY MKCALENDAR MKCOL MOVE NOTIFY OPTIONS PATCH POST PROPFIND PROPPATCH PURGE PUT QUERY REBIND REPORT SEARCH SOURCE SUBSCRIBE TRACE UNBIND UNLINK UNLOCK UNSUBSCRIBE'.split(
    ' ',
  ),
);
// Origin form, asterisk form or absolute form (`scheme://`), in printable ASCII only.
const TARGET_START = /^(?:\/|\*|[A-Za-z][A-Za-z0-9+.-]*:\/\/)/;
const TARGET_CHARS = /^[\x21-\x7e]*$/;
const DIGITS = /^\d+$/;

/**
 * Why Node's parser refuses the framing of the Content-Length and Transfer-Encoding values given, or
 * undefined when it accepts it: a repeated or non-numeric length, a length with a coding, a final coding
 * other than a single `chunked`.
 */
export function framingRefusal(lengths: readonly string[], encodings: readonly string[]): string | undefined {
  if (lengths.length > 1) return 'repeated Content-Length';
  if (lengths.length === 1 && !DIGITS.test(lengths[0]!.trim())) return `Content-Length: ${lengths[0]}`;
  const codings: string[] = [];
  for (const value of encodings) {
    for (const coding of value.split(',')) {
      const c = coding.trim().toLowerCase();
      if (c !== '') codings.push(c);
    }
  }
  if (codings.length === 0) return undefined;
  if (lengths.length > 0) return 'Content-Length with Transfer-Encoding';
  if (codings.at(-1) !== 'chunked' || codings.indexOf('chunked') !== codings.length - 1)
    return `Transfer-Encoding: ${codings.join(', ')}`;
  return undefined;
}

// Why Node's parser refuses the request, or undefined when it accepts it.
function refusal(view: RequestView): string | undefined {
  // HTTP/2 and later carry methods and targets in their own framing; this is HTTP/1's parser.
  if (!view.httpVersion.startsWith('1.') && view.httpVersion !== '0.9') return undefined;
  if (!PARSER_METHODS.has(view.method)) return `method ${view.method}`;
  const { target } = view;
  if (!TARGET_CHARS.test(target) || (view.method !== 'CONNECT' && !TARGET_START.test(target)))
    return `target ${target}`;
  return undefined;
}

/**
 * What Node's HTTP parser, as the gateway runs it, refuses with a 400 before inspection: unknown or
 * lower-case methods, targets with spaces, controls or raw non-ASCII bytes. `infinisec scan` and the
 * middleware judge such a request as the gateway's parser does (1.0). The framing it refuses is judged
 * with the framing (check-framing), header names and values with the fields (check-header-fields).
 */
export function checkParserRefusal(view: RequestView, out: Anomalies): void {
  const reason = refusal(view);
  if (reason !== undefined) out.add('unparseable', 1, 'request-line', reason);
}
