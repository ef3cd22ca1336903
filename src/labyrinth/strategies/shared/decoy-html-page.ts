import { renderHtmlDocument } from '../../html/html-document.js';
import type { MazePage } from '../../maze-types.js';
import type { PageContext } from '../page-context.js';
import { pageResponse, type ResponseExtras } from '../page-response.js';

/** The parts of a decoy HTML page a strategy writes; the rest (brand, navigation) comes from the site. */
export interface DecoyHtml {
  /** Plain text. */
  readonly title: string;
  /** HTML, with everything interpolated already escaped. */
  readonly main: string;
  readonly aside?: string;
  /** Plain text; a copyright line by default. */
  readonly footer?: string;
}

const NAV_LINKS = 4;

/**
 * A whole HTML page in the site's shared frame: its brand and the navigation every page at this depth shows.
 * @example decoyHtmlPage(ctx, { title: 'Admin', main: '<h1>Admin</h1>' }, { status: 401 })
 */
export function decoyHtmlPage(ctx: PageContext, page: DecoyHtml, extras?: ResponseExtras): MazePage {
  const year = ctx.siteRng('footer').between(2018, 2024);
  const body = renderHtmlDocument({
    title: page.title,
    brand: ctx.site,
    nav: ctx.siteLinks().slice(0, NAV_LINKS),
    main: page.main,
    aside: page.aside,
    footer: page.footer ?? `© ${year} ${ctx.site}. All rights reserved.`,
  });
  return pageResponse(ctx, 'html', body, extras);
}
