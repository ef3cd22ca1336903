import type { PageContext } from '../page-context.js';

/** The software a decoy site claims to run: old versions, the bait scanners look for. */
export interface ServerBanner {
  readonly server: string;
  readonly poweredBy: string | undefined;
  /** `apache` or `nginx` style default pages. */
  readonly family: 'apache' | 'nginx' | 'iis';
}

const BANNERS: readonly ServerBanner[] = [
  { server: 'Apache/2.4.29 (Ubuntu)', poweredBy: 'PHP/7.2.24-0ubuntu0.18.04.17', family: 'apache' },
  {
    server: 'Apache/2.4.6 (CentOS) OpenSSL/1.0.2k-fips PHP/5.4.16',
    poweredBy: 'PHP/5.4.16',
    family: 'apache',
  },
  { server: 'Apache/2.2.22 (Debian)', poweredBy: 'PHP/5.4.45-0+deb7u14', family: 'apache' },
  { server: 'nginx/1.14.0 (Ubuntu)', poweredBy: 'PHP/7.2.34', family: 'nginx' },
  { server: 'nginx/1.10.3', poweredBy: undefined, family: 'nginx' },
  { server: 'Microsoft-IIS/8.5', poweredBy: 'ASP.NET', family: 'iis' },
];

/** The site's banner: one per site, so every page of it claims the same server. */
export function serverBanner(ctx: PageContext): ServerBanner {
  return ctx.siteRng('server-banner').pick(BANNERS);
}

/** The banner as response headers. */
export function bannerHeaders(banner: ServerBanner): Record<string, string> {
  return banner.poweredBy === undefined
    ? { server: banner.server }
    : { server: banner.server, 'x-powered-by': banner.poweredBy };
}

/** The address line default pages and listings end with. */
export function bannerFooter(banner: ServerBanner, site: string): string {
  return `${banner.server} Server at ${site} Port 80`;
}
