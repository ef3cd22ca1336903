import { escapeHtml } from '../../../core/index.js';
import { linkList } from '../../html/link-list.js';
import type { MazePage } from '../../maze-types.js';
import type { PageContext } from '../page-context.js';
import { decoyHtmlPage } from '../shared/decoy-html-page.js';
import { bannerFooter, bannerHeaders, type ServerBanner } from './server-banner.js';

const WELCOME: Readonly<Record<ServerBanner['family'], readonly [string, string]>> = {
  apache: [
    'Apache2 Default Page: It works',
    'This is the default welcome page used to test the correct operation of the Apache2 server after installation.',
  ],
  nginx: [
    'Welcome to nginx!',
    'If you see this page, the nginx web server is successfully installed and working. Further configuration is required.',
  ],
  iis: [
    'IIS Windows Server',
    'Internet Information Services is running. The site has not been configured yet.',
  ],
};

/** The web server's default page, announcing an old version in its headers and footer. */
export function defaultServerPage(ctx: PageContext, banner: ServerBanner): MazePage {
  const [title, text] = WELCOME[banner.family];
  const main = [
    `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(text)}</p>\n`,
    `<p>Server version: ${escapeHtml(banner.server)}</p>\n<h2>Sites on this server</h2>\n`,
    linkList(ctx.links()),
  ];
  return decoyHtmlPage(
    ctx,
    { title, main: main.join(''), footer: bannerFooter(banner, ctx.site) },
    { headers: bannerHeaders(banner) },
  );
}
