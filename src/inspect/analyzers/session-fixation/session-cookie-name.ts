// Names that only a session cookie goes by, per platform: what an application reads its session id from.
// A last word that names a session on its own: `JSESSIONID`, `PHPSESSID`, `ASP.NET_SessionId`, `CFTOKEN`.
const SESSION_WORDS: ReadonlySet<string> = new Set([
  'jsessionid',
  'phpsessid',
  'phpsession',
  'sessionid',
  'cfid',
  'cftoken',
  'cfsid',
  'cakephp',
  'jservsession',
  'jwsession',
  'weblogicsession',
]);
// Frameworks that name their cookie `<framework>_session`, `<framework>.sid`, `<framework>:sess`...
const FRAMEWORKS: ReadonlySet<string> = new Set([
  'laravel',
  'rack',
  'rails',
  'play',
  'ci',
  'koa',
  'connect',
  'sails',
  'express',
  'flask',
  'django',
  'symfony',
  'zend',
  'yii',
  'kohana',
  'fuel',
  'beaker',
  'web2py',
  'phoenix',
  'next-auth',
  'authjs',
  'meteor',
  'shiny',
]);
// Generic last words that need a framework prefix: `laravel_session`, `connect.sid`, `next-auth.session-token`.
const TAILS: ReadonlySet<string> = new Set(['session', 'sess', 'sid', 'sessid', 'session_id', 'session-id']);
const TOKEN_TAILS: ReadonlySet<string> = new Set(['session-token', 'login_token', 'token']);
// Cookie names that stand alone: Rails' `_session_id`, Amazon-style `session-id`.
const STANDALONE: ReadonlySet<string> = new Set(['_session_id', 'session-id', '_session']);
// Cookie prefixes a browser enforces; what follows is the real name.
const PREFIX = /^__(?:host|secure)-/;
const CAMEL = /[a-z][A-Z]/;

function splitTail(name: string, tails: ReadonlySet<string>): string | undefined {
  for (const tail of tails) {
    if (
      name.length > tail.length + 1 &&
      name.endsWith(tail) &&
      '._:-'.includes(name[name.length - tail.length - 1]!)
    )
      return name.slice(0, name.length - tail.length - 1);
  }
  return undefined;
}

/**
 * Whether a parameter name is a platform's session cookie name, such that a value sent under it sets
 * the session: `JSESSIONID`, `PHPSESSID`, `ASP.NET_SessionId`, `ASPSESSIONIDQQGGQ`, `laravel_session`,
 * `connect.sid`, `__Secure-next-auth.session-token`, `sessionid` (Django). Generic API names
 * (`session_id`, `sessionId`, `sid`) are not: payment and chat services send those in links.
 * @example isSessionCookieName('koa:sess') // true
 */
export function isSessionCookieName(raw: string): boolean {
  const name = raw.toLowerCase().replace(PREFIX, '');
  if (name.startsWith('aspsessionid') || STANDALONE.has(name)) return true;
  let cut = name.length - 1;
  while (cut >= 0 && !'._:-'.includes(name[cut]!)) cut--;
  const last = name.slice(cut + 1);
  // `sessionId` in camel case is an API's field; Django's cookie is all lower case.
  if (SESSION_WORDS.has(last)) return last !== 'sessionid' || cut >= 0 || !CAMEL.test(raw);
  const framework = splitTail(name, TAILS) ?? splitTail(name, TOKEN_TAILS);
  return framework !== undefined && FRAMEWORKS.has(framework.replace(/^_+/, ''));
}
