import type { ParsedRequest } from '../../parsed-request.js';

// Session ids belong in cookies; one in the URL is how a victim is fixed to a known session. Matched on
// the name's last word: `connect.sid`, `laravel_session`, `next-auth.session-token`, `zend_session_id`.
const SESSION_WORDS: ReadonlySet<string> = new Set(
  'jsessionid phpsessid phpsession sessionid sessid sid session sess cfid cftoken cfsid cakephp jservsession jwsession weblogicsession'.split(
    ' ',
  ),
);

/** Whether a query parameter name is a session id's. */
export function isSessionName(raw: string): boolean {
  const name = raw.toLowerCase();
  if (name.startsWith('aspsessionid')) return true;
  let cut = name.length - 1;
  while (cut >= 0 && !'._:-'.includes(name[cut]!)) cut--;
  const last = name.slice(cut + 1);
  if (last !== 'id' && last !== 'token') return SESSION_WORDS.has(last);
  // Two-word names: `session_id`, `session-token`, `login_token`, `shiny-token`.
  return /(?:^|[._:-])(?:session[_-]id|session-token|login_token|shiny-token)$/.test(name);
}

/**
 * How much a session id in the URL says, by where the click came from: another site (a planted link),
 * nowhere (a pasted link), or the site itself (its own URL rewriting, not an attack).
 */
export function sessionWeight(request: ParsedRequest): number {
  const referer = request.view.headers.find(([n]) => n === 'referer')?.[1];
  if (referer === undefined) return 0.3;
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(referer)?.[1]?.toLowerCase();
  return host === undefined || host !== request.view.host.toLowerCase() ? 0.5 : 0;
}
