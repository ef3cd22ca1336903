import { escapeHtml } from '../../../core/index.js';
import { linkList } from '../../html/link-list.js';
import type { MazePage } from '../../maze-types.js';
import { randomString } from '../../random/random-string.js';
import type { PageContext } from '../page-context.js';
import { decoyDate } from '../shared/decoy-date.js';
import { decoyHtmlPage } from '../shared/decoy-html-page.js';
import { decoyPerson } from '../shared/decoy-person.js';
import type { SqlDatabase } from './sql-database.js';

const BCRYPT = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const COLUMNS = [
  'id',
  'username',
  'email',
  'password_hash',
  'api_key',
  'billing_key',
  'role',
  'last_login_at',
];
const ROLES = ['customer', 'customer', 'customer', 'staff', 'admin'];
const PAGE_SIZE = 25;

// Only the canaries come from outside this module (the mint), so only they are escaped: a dump page has
// dozens of cells, and the rest are drawn from tables of safe characters.
function row(ctx: PageContext, id: number): string {
  const { rng } = ctx;
  const person = decoyPerson(rng);
  const email = escapeHtml(ctx.canary('email'));
  const hash = `$2y$10$${randomString(rng, BCRYPT, 53)}`;
  const apiKey = escapeHtml(ctx.canary('api-key'));
  const billing = rng.chance(0.4) ? escapeHtml(ctx.canary('stripe-key')) : 'NULL';
  return (
    `<tr><td>${id}</td><td>${person.username}</td><td>${email}</td><td>${hash}</td><td>${apiKey}</td>` +
    `<td>${billing}</td><td>${rng.pick(ROLES)}</td><td>${decoyDate(rng, 2021, 2024)}</td></tr>`
  );
}

/** A "successful" injection: a page of the users table, with canaries for emails and keys. */
export function sqlRowDump(ctx: PageContext, db: SqlDatabase): MazePage {
  const { rng } = ctx;
  const offset = (ctx.depth - 1) * PAGE_SIZE;
  const count = rng.between(6, 10);
  const first = offset + rng.between(1, 9);
  const rows: string[] = [];
  for (let i = 0; i < count; i++) rows.push(row(ctx, first + i * rng.between(1, 3)));
  const main = [
    `<h1>${escapeHtml(db.name)}.users</h1>\n<pre>SELECT * FROM users ORDER BY id LIMIT ${PAGE_SIZE} OFFSET ${offset};</pre>\n`,
    `<p>Showing rows ${offset} - ${offset + count - 1} (${rng.between(18_000, 90_000)} total, query took 0.00${rng.between(10, 99)} seconds.)</p>\n`,
    `<table><thead><tr>${COLUMNS.map((c) => `<th>${c}</th>`).join('')}</tr></thead><tbody>\n`,
    rows.join('\n'),
    '\n</tbody></table>\n<h2>Next pages</h2>\n',
    linkList(ctx.links()),
  ];
  return decoyHtmlPage(ctx, { title: `${db.name}.users - query results`, main: main.join('') });
}
