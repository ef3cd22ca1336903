import type { ValueKind } from '../../inspectable.js';

/** A value case: `expect` is the rule that must fire, or null when nothing may fire. */
export interface CookieWriteCase {
  readonly input: string;
  readonly kind?: ValueKind;
  /** Defaults to `query.x`. */
  readonly location?: string;
  readonly expect: string | null;
}

/** A request case: a target (and body) with its headers, and whether a session id parameter is found. */
export interface SessionParameterCase {
  /** The request target; named `input` so the fuzz target seeds from it too. */
  readonly input: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string;
  readonly expect: 'session-fixation/session-id-parameter' | null;
}

const WRITE = 'session-fixation/cookie-write';
const PARAMETER = 'session-fixation/session-id-parameter';
const JSON_BODY = ['content-type', 'application/json'] as const;
const FORM_BODY = ['content-type', 'application/x-www-form-urlencoded'] as const;

/** Values that set a cookie in the victim's browser, and look-alikes that read or discuss cookies. */
export const cookieWriteCases: readonly CookieWriteCase[] = [
  { input: '<meta http-equiv="Set-Cookie" content="SID=1; path=/">', expect: WRITE },
  {
    input: "<META HTTP-EQUIV='set-cookie' CONTENT='x=1'>",
    kind: 'body-value',
    location: 'body.form.bio',
    expect: WRITE,
  },
  { input: 'document.cookie="sessionid=1234; domain=.example.dom"', expect: WRITE },
  { input: 'x.cookie;expires=', expect: WRITE },
  {
    input: "document.cookie = 'PHPSESSID=fixed; path=/'",
    kind: 'cookie-value',
    location: 'cookie.q',
    expect: WRITE,
  },
  { input: 'document%2Ecookie%3D%22a%3D1%3B%20Max-Age%3D9999%22', expect: WRITE },
  { input: 'cookie policy', expect: null },
  { input: 'we use cookies; expires in 30 days', expect: null },
  { input: 'var c = document.cookie;', expect: null },
  { input: 'Set-Cookie header explained', expect: null },
  { input: 'cookie=1; path=/', kind: 'header-value', location: 'header.x-note', expect: null },
];

/** Session ids handed over in parameters, by where the request came from. */
export const sessionParameterCases: readonly SessionParameterCase[] = [
  // A planted link or form on another site, or a pasted link.
  {
    input: '/login?JSESSIONID=74B0CB414BD77D17',
    headers: [['referer', 'http://evil.example/x']],
    expect: PARAMETER,
  },
  { input: '/?PHPSESSID=abc', headers: [], expect: PARAMETER },
  { input: '/a?ASP.NET_SessionId=q2w3', headers: [['sec-fetch-site', 'cross-site']], expect: PARAMETER },
  {
    input: '/?ASPSESSIONIDQQGGQ=KLMN',
    headers: [['referer', 'https://app.example.net.evil.io/']],
    expect: PARAMETER,
  },
  {
    input: '/auth?laravel_session=eyJpdiI6',
    headers: [['referer', 'https://evil.example/']],
    expect: PARAMETER,
  },
  { input: '/api?connect.sid=s%3Aabc', headers: [['referer', 'https://evil.example/']], expect: PARAMETER },
  { input: '/x?koa%3Asess=e30', headers: [['referer', 'https://evil.example/']], expect: PARAMETER },
  {
    input: '/x?__Secure-next-auth.session-token=t',
    headers: [['referer', 'https://evil.example/']],
    expect: PARAMETER,
  },
  { input: '/x?CFID=1&CFTOKEN=2', headers: [['referer', 'https://evil.example/']], expect: PARAMETER },
  { input: '/x?sessionid=q1', headers: [['referer', 'https://shop.example.com/']], expect: PARAMETER },
  {
    input: '/login',
    headers: [FORM_BODY, ['referer', 'https://evil.example/']],
    body: 'sessionid=1&user=a',
    expect: PARAMETER,
  },
  {
    input: '/login',
    headers: [JSON_BODY, ['referer', 'https://evil.example/']],
    body: '{"phpsession":"1"}',
    expect: PARAMETER,
  },
  // The site's own URL rewriting, generic API names, and nested JSON fields.
  { input: '/cart;x?jsessionid=74B0', headers: [['referer', 'http://localhost/shop']], expect: null },
  { input: '/cart?PHPSESSID=74B0', headers: [['referer', 'https://www.localhost/shop']], expect: null },
  { input: '/cart?PHPSESSID=74B0', headers: [['sec-fetch-site', 'same-site']], expect: null },
  {
    input: '/success?session_id=cs_test_a1',
    headers: [['referer', 'https://checkout.stripe.com/']],
    expect: null,
  },
  { input: '/v1/play?sessionId=981', headers: [], expect: null },
  { input: '/chat?user_session=42&sid=7', headers: [['referer', 'https://widget.example/']], expect: null },
  { input: '/x?csrf_token=abc', headers: [['referer', 'https://evil.example/']], expect: null },
  { input: '/x?PHPSESSID=', headers: [], expect: null },
  { input: '/api/events', headers: [JSON_BODY], body: '{"user":{"sessionid":"1"}}', expect: null },
];
