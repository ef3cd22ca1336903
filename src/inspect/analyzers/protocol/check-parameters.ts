import type { ParsedRequest } from '../../parsed-request.js';
import { inFreeTextField } from '../shared/free-text-field.js';
import type { Anomalies } from './anomalies.js';
import { decodeParameter } from './decode-parameter.js';
import { judgeMethodOverride } from './judge-method-override.js';
import { isSessionName, sessionWeight } from './session-in-url.js';

// More than browsers' forms and links ever send.
const MAX_NAME = 100;
const MAX_PARAMETERS = 256;
// A complete request line inside a value: a smuggled second request.
const REQUEST_LINE =
  /\b(?:GET|POST|HEAD|PUT|DELETE|OPTIONS|PATCH|CONNECT|TRACE|PROPFIND)\s+\S+\s+HTTP\/\d(?:\.\d)?\b/;
// A header field right after that request line: the head of a whole second request, Host and all.
const HEADER_FIELD_NEXT = /^\r?\n[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}:[ \t]/;
// A JavaScript escape of a plain letter glued to a word (`\u0061lert`): a keyword spelled so that
// filters miss it and a JSON or JS decoder restores it. Code shown in a form writes `"\u0041"` on its own.
const ESCAPED_LETTER =
  /[A-Za-z]\\u00(?:4[1-9A-Fa-f]|5[0-9Aa]|6[1-9A-Fa-f]|7[0-9Aa])|\\u00(?:4[1-9A-Fa-f]|5[0-9Aa]|6[1-9A-Fa-f]|7[0-9Aa])[A-Za-z]/;

// Apache mod_proxy's `unix:socket|http://backend` (CVE-2021-40438): an SSRF through the socket path.
function unixSocketProxy(target: string): string | undefined {
  const at = target.toLowerCase().indexOf('unix:');
  const bar = at < 0 ? -1 : target.indexOf('|', at);
  if (bar < 0 || !/^[a-z][a-z0-9+.-]*:\/\//i.test(target.slice(bar + 1, bar + 32))) return undefined;
  return target.slice(at, bar + 32);
}

/**
 * Parameters with protocol meaning: method overrides (`_method`), session ids in the query string
 * (stronger with a foreign Referer), request lines smuggled inside values (certain with header fields
 * under them), names that parsers split
 * differently (`foo[1]a`), letters hidden behind `\u` escapes in form bodies, and mod_proxy unix-socket
 * targets.
 */
export function checkParameters(request: ParsedRequest, out: Anomalies): void {
  const target = request.view.target;
  if (target.includes('unix:') || target.includes('unix%3A') || target.includes('unix%3a')) {
    const socket = unixSocketProxy(decodeParameter(target));
    if (socket !== undefined) out.add('unix-socket-proxy', 0.9, 'target', socket);
  }
  checkParameterValues(request, out);
}

/** The checks of checkParameters that read the parameters alone (of a whole request or a body's rest). */
export function checkParameterValues(request: ParsedRequest, out: Anomalies): void {
  let session = false;
  let parameters = 0;
  for (const { location, kind, value } of request.values) {
    if (kind === 'query-name' && value.includes(']')) {
      // `foo[1]a=`: a word glued after a subscript, which PHP drops and Rails keeps. `items[0].name`
      // (Spring, ASP.NET model binding) is a path, not a glued word.
      if (/\][A-Za-z0-9]/.test(value)) out.add('malformed-parameter-name', 0.9, location, value);
      else if (/\][^[\].]/.test(value)) out.add('malformed-parameter-name', 0.3, location, value);
    }
    if (
      value.includes('HTTP') &&
      (value.includes('HTTP/') || value.includes('HTTP%2F') || value.includes('HTTP%2f'))
    ) {
      const decoded = decodeParameter(value);
      const m = REQUEST_LINE.exec(decoded);
      // A request line alone is also what a how-to quotes; with its header fields under it, it is a
      // request written out to be read as one — unless a comment or a post quotes it.
      if (m !== null) {
        const end = m.index + m[0].length;
        const head =
          HEADER_FIELD_NEXT.test(decoded.slice(end, end + 80)) &&
          (location === 'body' || !inFreeTextField(location));
        out.add(head ? 'smuggled-request' : 'request-line-in-value', head ? 0.95 : 0.8, location, m[0]);
      }
    }
    if (kind !== 'query-value' && kind !== 'body-value') continue;
    if (++parameters === MAX_PARAMETERS)
      out.add('parameter-limits', 0.3, location, `over ${MAX_PARAMETERS} parameters`);
    const form = location.startsWith('body.form.');
    if (form && /%5c|\\/i.test(value) && ESCAPED_LETTER.test(decodeParameter(value)))
      out.add('unicode-escape', 0.9, location, value);
    // Names are taken raw: the ones that matter here are plain words.
    const name = location.slice(form ? 10 : location.indexOf('.') + 1);
    if (kind === 'query-value' && name.length > MAX_NAME)
      out.add('parameter-limits', 0.3, location, `${name.length}-char name`);
    if (name === '_method') {
      const method = decodeParameter(value).trim();
      const weight = judgeMethodOverride(request, kind === 'query-value', method);
      if (weight > 0) out.add('method-override', weight, location, method);
    } else if (kind === 'query-value' && !session && isSessionName(name)) {
      session = true;
      const weight = sessionWeight(request);
      if (weight > 0) out.add('session-id-in-url', weight, location, name);
    }
  }
}
