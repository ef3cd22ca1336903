import type { RouteConfig } from '../config/index.js';

/** Finds the site for a Host header value. */
export interface SiteRouter<S> {
  match(host: string): S | undefined;
}

/** Strips the port and a trailing dot and lower-cases a Host value; `[::1]:80` → `[::1]`. */
export function normalizeHost(host: string): string {
  let name = host;
  if (name.startsWith('[')) {
    const end = name.indexOf(']');
    name = end < 0 ? name : name.slice(0, end + 1);
  } else {
    const colon = name.indexOf(':');
    if (colon >= 0) name = name.slice(0, colon);
  }
  if (name.endsWith('.')) name = name.slice(0, -1);
  return name.toLowerCase();
}

/**
 * Compiles host patterns into a router: exact names first, then the longest `*.domain` suffix, then `*`.
 * @example createSiteRouter([{ hosts: ['*.example.com'], ... }]).match('a.example.com:8080')
 */
export function createSiteRouter<S extends { readonly hosts: readonly string[] }>(
  sites: readonly S[],
): SiteRouter<S> {
  const exact = new Map<string, S>();
  const suffixes: [string, S][] = [];
  let fallback: S | undefined;
  for (const site of sites) {
    for (const pattern of site.hosts) {
      const p = pattern.toLowerCase();
      if (p === '*') fallback ??= site;
      else if (p.startsWith('*.')) suffixes.push([p.slice(1), site]);
      else if (!exact.has(p)) exact.set(p, site);
    }
  }
  suffixes.sort((a, b) => b[0].length - a[0].length);
  return {
    match(host) {
      const name = normalizeHost(host);
      const site = exact.get(name);
      if (site !== undefined) return site;
      for (const [suffix, s] of suffixes) if (name.endsWith(suffix)) return s;
      return fallback;
    },
  };
}

/** Picks the route with the longest path prefix that matches, if any. */
export function matchRoute<R extends Pick<RouteConfig, 'path'>>(
  routes: readonly R[],
  path: string,
): R | undefined {
  let best: R | undefined;
  for (const route of routes) {
    if (path.startsWith(route.path) && (best === undefined || route.path.length > best.path.length))
      best = route;
  }
  return best;
}
