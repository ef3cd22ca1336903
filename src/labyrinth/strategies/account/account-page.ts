import { escapeHtml } from '../../../core/index.js';
import { linkHtml, linkList } from '../../html/link-list.js';
import type { MazePage } from '../../maze-types.js';
import type { PageContext } from '../page-context.js';
import { decoyDate } from '../shared/decoy-date.js';
import { decoyHtmlPage } from '../shared/decoy-html-page.js';
import { decoyPerson } from '../shared/decoy-person.js';
import { ORDER_TEMPLATE } from './account-templates.js';

const STATUSES = ['delivered', 'delivered', 'shipped', 'processing', 'refunded'];
const STREETS = ['Harbor Road', 'Elm Street', 'Mill Lane', 'Station Avenue', 'Park View', 'Church Street'];

function orders(ctx: PageContext): string {
  const { rng } = ctx;
  const rows: string[] = [];
  for (let n = rng.between(2, 4); n > 0; n--) {
    const order = ctx.linkFrom(ORDER_TEMPLATE);
    const number = order.href.slice(order.href.lastIndexOf('/') + 1, order.href.lastIndexOf('/') + 9);
    const total = `${rng.between(9, 480)}.${rng.between(10, 99)}`;
    const cells = [
      linkHtml({ href: order.href, title: `#${number}` }),
      decoyDate(rng, 2023, 2024).slice(0, 10),
      total,
      rng.pick(STATUSES),
    ];
    rows.push(`<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
  }
  return `<table><thead><tr><th>Order</th><th>Date</th><th>Total</th><th>Status</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The "logged-in" account area: profile, orders, API credentials (canaries), and links deeper. */
export function accountPage(ctx: PageContext): MazePage {
  const { rng } = ctx;
  const holder = decoyPerson(ctx.siteRng('account-holder'));
  const address = `${rng.between(1, 220)} ${rng.pick(STREETS)}`;
  const main = [
    `<h1>Welcome back, ${escapeHtml(holder.name.split(' ')[0]!)}</h1>\n<h2>Profile</h2>\n<dl>`,
    `<dt>Name</dt><dd>${escapeHtml(holder.name)}</dd><dt>Username</dt><dd>${escapeHtml(holder.username)}</dd>`,
    `<dt>Email</dt><dd>${escapeHtml(ctx.canary('email'))}</dd><dt>Address</dt><dd>${address}</dd></dl>\n`,
    '<h2>Recent orders</h2>\n',
    orders(ctx),
    '\n<h2>API access</h2>\n',
    `<p>Personal access token: <code>${escapeHtml(ctx.canary('jwt'))}</code></p>\n`,
    `<p>API key: <code>${escapeHtml(ctx.canary('api-key'))}</code></p>\n<h2>Your account</h2>\n`,
    linkList(ctx.links()),
  ];
  return decoyHtmlPage(ctx, { title: `My account - ${ctx.site}`, main: main.join('') });
}
