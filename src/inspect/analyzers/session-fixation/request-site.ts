import type { RequestView } from '../../../core/index.js';

/** Where the request was started from, as far as the browser tells: this site, another one, or nowhere. */
export type RequestSite = 'same' | 'cross' | 'none';

const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)/i;

function header(view: RequestView, name: string): string | undefined {
  for (const [n, v] of view.headers) if (n === name) return v.trim();
  return undefined;
}

function bareHost(host: string): string {
  const h = host.toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.indexOf(':');
  return (colon < 0 ? h : h.slice(0, colon)).replace(/\.$/, '');
}

// `www.` is the same site under its usual alias; any other label makes another host, which may belong
// to someone else (hosting platforms give every customer a subdomain).
function siteHost(host: string): string {
  const bare = bareHost(host);
  return bare.startsWith('www.') ? bare.slice(4) : bare;
}

/**
 * Where the request came from: `Sec-Fetch-Site` when the browser sent it (it knows which domains are
 * one site), else the Referer's host against the Host; `none` with neither, or a Referer that is not a
 * URL.
 * @example requestSite(view) // 'cross' for Host `shop.example` and Referer `https://evil.example/`
 */
export function requestSite(view: RequestView): RequestSite {
  const fetchSite = header(view, 'sec-fetch-site')?.toLowerCase();
  if (fetchSite === 'same-origin' || fetchSite === 'same-site') return 'same';
  if (fetchSite === 'cross-site') return 'cross';
  if (fetchSite === 'none') return 'none';
  const referer = header(view, 'referer');
  const host = referer === undefined ? undefined : URL_HOST.exec(referer)?.[1];
  if (host === undefined || host === '') return 'none';
  return siteHost(host) === siteHost(view.host) ? 'same' : 'cross';
}
