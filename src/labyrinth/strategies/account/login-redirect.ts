import { escapeHtml } from '../../../core/index.js';
import type { MazePage } from '../../maze-types.js';
import type { PageContext } from '../page-context.js';
import { decoyHtmlPage } from '../shared/decoy-html-page.js';
import { ACCOUNT_TEMPLATE } from './account-templates.js';

const COOKIE_NAMES = ['session', 'sid', 'PHPSESSID', 'laravel_session', 'connect.sid'];

/** Any credentials "work": a 302 into the account area with a decoy session cookie (a canary). */
export function loginRedirect(ctx: PageContext): MazePage {
  const account = ctx.linkFrom(ACCOUNT_TEMPLATE);
  const cookie = ctx.siteRng('session-cookie').pick(COOKIE_NAMES);
  const main = `<h1>Signed in</h1>\n<p>Redirecting to <a href="${account.href}">${escapeHtml(account.title)}</a>…</p>`;
  return decoyHtmlPage(
    ctx,
    { title: 'Redirecting', main },
    {
      status: 302,
      headers: {
        location: account.href,
        'set-cookie': `${cookie}=${ctx.canary('session')}; Path=/; HttpOnly; Secure; SameSite=Lax`,
      },
    },
  );
}
