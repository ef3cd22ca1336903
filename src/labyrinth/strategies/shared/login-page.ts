import { linkHtml } from '../../html/link-list.js';
import type { MazePage } from '../../maze-types.js';
import type { PageContext } from '../page-context.js';
import type { ResponseExtras } from '../page-response.js';
import { decoyHtmlPage } from './decoy-html-page.js';
import { LOGIN_TEMPLATE } from './login-path.js';

/** A sign-in form that posts to a maze login path (where the account strategy "lets them in"). */
export function loginPage(ctx: PageContext, extras?: ResponseExtras): MazePage {
  const action = ctx.linkFrom(LOGIN_TEMPLATE).href;
  const [forgot, ...more] = ctx.links();
  const main = [
    '<h1>Sign in</h1>\n',
    `<form method="post" action="${action}">\n`,
    '<p><label>Username or email <input type="text" name="username" autocomplete="username"></label></p>\n',
    '<p><label>Password <input type="password" name="password" autocomplete="current-password"></label></p>\n',
    '<p><label><input type="checkbox" name="remember" value="1"> Remember me</label></p>\n',
    '<p><button type="submit">Sign in</button></p>\n</form>\n',
    `<p>${linkHtml({ href: forgot!.href, title: 'Forgot your password?' })}</p>\n`,
    `<p>Help: ${more.map(linkHtml).join(' · ')}</p>`,
  ];
  return decoyHtmlPage(ctx, { title: `Sign in - ${ctx.site}`, main: main.join('') }, extras);
}
