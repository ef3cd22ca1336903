import { escapeHtml } from '../../../core/index.js';
import { linkList } from '../../html/link-list.js';
import type { MazePage } from '../../maze-types.js';
import type { PageContext } from '../page-context.js';
import { decoyDate } from '../shared/decoy-date.js';
import { decoyHtmlPage } from '../shared/decoy-html-page.js';
import { decoyPerson } from '../shared/decoy-person.js';
import { bannerHeaders, type ServerBanner } from './server-banner.js';

function recentUsers(ctx: PageContext): string {
  const rows: string[] = [];
  for (let n = ctx.rng.between(4, 7); n > 0; n--) {
    const person = decoyPerson(ctx.rng);
    const cells = [
      person.name,
      ctx.canary('email'),
      ctx.rng.pick(['admin', 'editor', 'customer']),
      decoyDate(ctx.rng),
    ];
    rows.push(`<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
  }
  return `<table><thead><tr><th>Name</th><th>Email</th><th>Role</th><th>Last login</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** An admin dashboard "left open": figures, recent users with canary emails, an API key, menus deeper. */
export function adminPanel(ctx: PageContext, banner: ServerBanner): MazePage {
  const { rng } = ctx;
  const main = [
    '<h1>Dashboard</h1>\n<p>Welcome back, administrator.</p>\n<ul>',
    `<li>Users: ${rng.between(2_000, 90_000)}</li><li>Orders today: ${rng.between(20, 900)}</li>`,
    `<li>Pending reviews: ${rng.between(0, 60)}</li></ul>\n<h2>Recent users</h2>\n`,
    recentUsers(ctx),
    `\n<h2>Integration</h2>\n<p>Server API key: <code>${escapeHtml(ctx.canary('api-key'))}</code></p>\n`,
    '<h2>Manage</h2>\n',
    linkList(ctx.links()),
  ];
  return decoyHtmlPage(
    ctx,
    { title: `Dashboard - ${ctx.site} Admin`, main: main.join('') },
    { headers: bannerHeaders(banner) },
  );
}
