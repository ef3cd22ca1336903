import { escapeHtml } from '../../../core/index.js';
import type { MazePage } from '../../maze-types.js';
import { compilePathTemplate } from '../../path/path-template.js';
import type { PageContext } from '../page-context.js';
import { decoyDate } from '../shared/decoy-date.js';
import { decoyHtmlPage } from '../shared/decoy-html-page.js';
import { bannerFooter, bannerHeaders, type ServerBanner } from './server-banner.js';

/** Folders and archives a listing shows. */
export const LISTING_TEMPLATES = [
  compilePathTemplate('/backups/{slug}/'),
  compilePathTemplate('/backups/{year}/{slug}.tar.gz'),
  compilePathTemplate('/uploads/{year}/{slug}.sql.gz'),
];

const MAX_SHOWN_PATH = 120;

/** An "Index of /…" page of backups and dumps, every entry a maze path. */
export function directoryListing(ctx: PageContext, banner: ServerBanner): MazePage {
  const { rng } = ctx;
  const shown = escapeHtml(ctx.path.slice(0, MAX_SHOWN_PATH));
  const [parent] = ctx.links(1);
  const rows = [`<tr><td><a href="${parent!.href}">Parent Directory</a></td><td></td><td>-</td></tr>`];
  for (let n = ctx.linksPerPage; n > 0; n--) {
    const link = ctx.linkFrom(rng.pick(LISTING_TEMPLATES));
    const name = link.href.slice(link.href.lastIndexOf('/', link.href.length - 2) + 1);
    const size = link.href.endsWith('/') ? '-' : `${rng.between(1, 900)}M`;
    rows.push(
      `<tr><td><a href="${link.href}">${name}</a></td><td>${decoyDate(rng).slice(0, 16)}</td><td>${size}</td></tr>`,
    );
  }
  const main = [
    `<h1>Index of ${shown}</h1>\n<table><thead><tr><th>Name</th><th>Last modified</th><th>Size</th></tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody></table>`,
  ];
  return decoyHtmlPage(
    ctx,
    {
      title: `Index of ${ctx.path.slice(0, MAX_SHOWN_PATH)}`,
      main: main.join(''),
      footer: bannerFooter(banner, ctx.site),
    },
    { headers: bannerHeaders(banner) },
  );
}
