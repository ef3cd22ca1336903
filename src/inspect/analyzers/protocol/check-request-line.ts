import type { RequestView } from '../../../core/index.js';
import type { Anomalies } from './anomalies.js';
import { controlAt, isToken } from './http-token.js';

// Methods of HTTP, WebDAV and their common extensions; anything else is a probe or a parser test.
const KNOWN_METHODS: ReadonlySet<string> = new Set(
  'GET HEAD POST PUT DELETE OPTIONS PATCH CONNECT TRACE PROPFIND PROPPATCH MKCOL COPY MOVE LOCK UNLOCK SEARCH REPORT MKCALENDAR MKACTIVITY CHECKOUT MERGE ACL BIND UNBIND REBIND ORDERPATCH VERSION-CONTROL PURGE LINK UNLINK QUERY'.split(
    ' ',
  ),
);
// UPnP discovery and eventing (SSDP, GENA): methods of devices on a LAN, never of a site's visitors.
const DEVICE_METHODS: ReadonlySet<string> = new Set(['M-SEARCH', 'NOTIFY', 'SUBSCRIBE', 'UNSUBSCRIBE']);
const VERSIONS: ReadonlySet<string> = new Set(['1.0', '1.1', '2', '2.0', '3', '3.0']);
const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/;
const AUTHORITY = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;

function sameHost(authority: string, host: string, scheme: string): boolean {
  const strip = (h: string) => {
    const lower = h.toLowerCase().replace(/^[^@]*@/, '');
    const port = scheme.toLowerCase() === 'https' ? ':443' : ':80';
    return lower.endsWith(port) ? lower.slice(0, -port.length) : lower;
  };
  return strip(authority) === strip(host);
}

/** Method, target and version: malformed or unknown methods, broken or unusual targets, odd versions. */
export function checkRequestLine(view: RequestView, out: Anomalies): void {
  const { method, target } = view;
  if (!isToken(method)) out.add('malformed-method', 0.9, 'method', method);
  else if (method === 'TRACE' || method === 'TRACK') out.add('trace-method', 0.5, 'method', method);
  else if (DEVICE_METHODS.has(method)) out.add('unknown-method', 0.9, 'method', method);
  else if (!KNOWN_METHODS.has(method))
    out.add('unknown-method', method.length > 20 ? 0.7 : 0.6, 'method', method);
  if (!VERSIONS.has(view.httpVersion))
    out.add(
      'http-version',
      view.httpVersion === '0.9' ? 0.7 : 0.6,
      'request-line',
      `HTTP/${view.httpVersion}`,
    );
  const control = controlAt(target);
  if (control >= 0 || target.includes(' ')) out.add('malformed-target', 0.8, 'target', target);
  // Backslashes in the path reach Windows servers as separators; in the query they are data.
  const query = target.indexOf('?');
  if ((query < 0 ? target : target.slice(0, query)).includes('\\'))
    out.add('malformed-target', 0.5, 'target', target);
  // Clients strip the fragment: one on the wire was written by hand.
  if (target.includes('#')) out.add('fragment-in-target', 0.3, 'target', target);
  if (method === 'CONNECT') {
    // A tunnel needs `host:port`; without the port no proxy knows where to connect.
    if (!AUTHORITY.test(target)) out.add('malformed-target', 0.9, 'target', target);
  } else if (target === '*') {
    if (method !== 'OPTIONS') out.add('malformed-target', 0.7, 'target', target);
  } else if (!target.startsWith('/')) {
    const absolute = ABSOLUTE.exec(target);
    if (absolute === null) out.add('malformed-target', 0.7, 'target', target);
    else
      out.add(
        'absolute-target',
        sameHost(absolute[2]!, view.host, absolute[1]!) ? 0.3 : 0.7,
        'target',
        target,
      );
  }
}
