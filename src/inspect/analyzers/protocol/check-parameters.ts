import type { ParsedRequest } from '../../parsed-request.js';
import type { Anomalies } from './anomalies.js';

// More than browsers' forms and links ever send.
const MAX_NAME = 100;
const MAX_PARAMETERS = 256;
// `_method=DELETE`: frameworks honour it and turn a POST (or a GET link) into another method.
const METHOD_VALUE = /^[A-Za-z]{3,10}$/;
// Session ids belong in cookies; one in the URL is how a victim is fixed to a known session. Matched on
// the name's last word: `connect.sid`, `laravel_session`, `next-auth.session-token`, `zend_session_id`.
const SESSION_WORDS: ReadonlySet<string> = new Set(
  'jsessionid phpsessid phpsession sessionid sessid sid session sess cfid cftoken cfsid cakephp jservsession jwsession weblogicsession'.split(
    ' ',
  ),
);

function isSessionName(raw: string): boolean {
  const name = raw.toLowerCase();
  if (name.startsWith('aspsessionid')) return true;
  let cut = name.length - 1;
  while (cut >= 0 && !'._:-'.includes(name[cut]!)) cut--;
  const last = name.slice(cut + 1);
  if (last !== 'id' && last !== 'token') return SESSION_WORDS.has(last);
  // Two-word names: `session_id`, `session-token`, `login_token`, `shiny-token`.
  return /(?:^|[._:-])(?:session[_-]id|session-token|login_token|shiny-token)$/.test(name);
}
// A complete request line inside a value: a smuggled second request.
const REQUEST_LINE =
  /\b(?:GET|POST|HEAD|PUT|DELETE|OPTIONS|PATCH|CONNECT|TRACE|PROPFIND)\s+\S+\s+HTTP\/\d(?:\.\d)?\b/;
// Apache mod_proxy's `unix:socket|http://backend` (CVE-2021-40438): an SSRF through the socket path.
function unixSocketProxy(target: string): string | undefined {
  const at = target.toLowerCase().indexOf('unix:');
  const bar = at < 0 ? -1 : target.indexOf('|', at);
  if (bar < 0 || !/^[a-z][a-z0-9+.-]*:\/\//i.test(target.slice(bar + 1, bar + 32))) return undefined;
  return target.slice(at, bar + 32);
}

function decode(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

// A session id in the URL weighs by where the click came from: another site (a planted link), nowhere
// (a pasted link), or the site itself (its own URL rewriting, not an attack).
function sessionWeight(request: ParsedRequest): number {
  const referer = request.view.headers.find(([n]) => n === 'referer')?.[1];
  if (referer === undefined) return 0.3;
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(referer)?.[1]?.toLowerCase();
  return host === undefined || host !== request.view.host.toLowerCase() ? 0.5 : 0;
}

/**
 * Parameters with protocol meaning: method overrides (`_method`), session ids in the query string
 * (stronger with a foreign Referer), request lines smuggled inside values, and mod_proxy unix-socket
 * targets.
 */
export function checkParameters(request: ParsedRequest, out: Anomalies): void {
  const target = request.view.target;
  if (target.includes('unix:') || target.includes('unix%3A') || target.includes('unix%3a')) {
    const socket = unixSocketProxy(decode(target));
    if (socket !== undefined) out.add('unix-socket-proxy', 0.9, 'target', socket);
  }
  let session = false;
  let parameters = 0;
  for (const { location, kind, value } of request.values) {
    if (kind === 'query-name') {
      // `foo[1]a=`: text after a subscript, which PHP and Rails parse differently.
      if (/\][^[\]]/.test(value)) out.add('malformed-parameter-name', 0.3, location, value);
    }
    if (
      value.includes('HTTP') &&
      (value.includes('HTTP/') || value.includes('HTTP%2F') || value.includes('HTTP%2f'))
    ) {
      const m = REQUEST_LINE.exec(decode(value));
      if (m !== null) out.add('request-line-in-value', 0.8, location, m[0]);
    }
    if (kind !== 'query-value' && kind !== 'body-value') continue;
    if (++parameters === MAX_PARAMETERS)
      out.add('parameter-limits', 0.3, location, `over ${MAX_PARAMETERS} parameters`);
    // Names are taken raw: the ones that matter here are plain words.
    const name = location.slice(location.startsWith('body.form.') ? 10 : location.indexOf('.') + 1);
    if (kind === 'query-value' && name.length > MAX_NAME)
      out.add('parameter-limits', 0.3, location, `${name.length}-char name`);
    if (name === '_method') {
      const method = decode(value).trim();
      if (METHOD_VALUE.test(method) && !(kind === 'body-value' && method.toUpperCase() === 'POST'))
        out.add('method-override', kind === 'query-value' ? 0.4 : 0.3, location, method);
    } else if (kind === 'query-value' && !session && isSessionName(name)) {
      session = true;
      const weight = sessionWeight(request);
      if (weight > 0) out.add('session-id-in-url', weight, location, name);
    }
  }
}
