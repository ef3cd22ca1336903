import type { AttackRequest } from '../attack-request.js';
import type { Random } from '../random.js';
import { escapeHeaderValue, escapePathValue, escapeQueryValue } from './escape-for-target.js';

/** Where a payload goes in a request. */
export type InjectionPointName =
  | 'query'
  | 'url-param'
  | 'path'
  | 'form'
  | 'json'
  | 'header'
  | 'cookie'
  | 'xml';

/** A browser's user agent: payload scenarios are judged on their payloads, not on how they introduce themselves. */
export const BROWSER_AGENT =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

const ACCEPT = ['Accept', 'text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8'] as const;
const PARAMS_FOR_URLS = ['url', 'next', 'redirect', 'callback', 'image', 'webhook', 'feed', 'dest'];
const HEADERS = ['User-Agent', 'Referer', 'X-Api-Version', 'Accept-Language'];
const XML_TYPES = ['application/xml', 'text/xml', 'application/soap+xml'];

const get = (target: string, extra: readonly (readonly [string, string])[] = []): AttackRequest => ({
  method: 'GET',
  target,
  headers: [['User-Agent', BROWSER_AGENT], ACCEPT, ...extra],
});

const post = (target: string, type: string, body: string): AttackRequest => ({
  method: 'POST',
  target,
  headers: [['User-Agent', BROWSER_AGENT], ACCEPT, ['Content-Type', type]],
  body,
  note: body,
});

/**
 * Puts a payload into a request at the named place, aimed at the demo shop's routes (any gateway inspects
 * every route alike): the search query, a URL-like parameter, a product path, the login form, the order
 * API's JSON, a header, the session cookie, or a whole XML document.
 */
export const INJECTION_POINTS: Readonly<
  Record<InjectionPointName, (payload: string, random: Random) => AttackRequest>
> = {
  query: (p) => get(`/search?q=${escapeQueryValue(p)}`),
  'url-param': (p, random) => get(`/search?${random.pick(PARAMS_FOR_URLS)}=${escapeQueryValue(p)}`),
  path: (p) => get(`/products/${escapePathValue(p)}`),
  form: (p, random) =>
    post(
      '/login',
      'application/x-www-form-urlencoded',
      `username=${escapeQueryValue(p)}&password=${random.word(10)}`,
    ),
  json: (p, random) =>
    post('/api/orders', 'application/json', JSON.stringify({ productId: p, quantity: random.int(1, 3) })),
  header: (p, random) => {
    const name = random.pick(HEADERS);
    const value = escapeHeaderValue(p);
    const note = `${name}: ${value}`;
    if (name === 'User-Agent') return { ...get('/'), headers: [['User-Agent', value], ACCEPT], note };
    return { ...get('/', [[name, value]]), note };
  },
  cookie: (p) => {
    const cookie = `session=${escapeQueryValue(p).replace(/[;,]/g, encodeURIComponent)}`;
    return { ...get('/', [['Cookie', cookie]]), note: `Cookie: ${cookie}` };
  },
  xml: (p, random) => post('/echo', random.pick(XML_TYPES), p),
};
