import { decodedTarget } from '../shared/decoded-target.js';
import { loginPage } from '../shared/login-page.js';
import { isLoginTarget, LOGIN_TEMPLATE } from '../shared/login-path.js';
import type { TrapStrategy, TrapStrategyFactory } from '../trap-strategy.js';
import { accountPage } from './account-page.js';
import { ACCOUNT_TEMPLATE, ORDER_TEMPLATE } from './account-templates.js';
import { loginRedirect } from './login-redirect.js';

/**
 * For credential stuffing: every login "succeeds" (a 302 with a decoy session cookie) into an account area
 * with a profile, orders and API credentials, all canaries.
 * @example createAccountStrategy({}).render(postToLogin).status // 302
 */
export const createAccountStrategy: TrapStrategyFactory = (): TrapStrategy => ({
  name: 'account',
  templates: [LOGIN_TEMPLATE, ACCOUNT_TEMPLATE, ORDER_TEMPLATE].map((t) => t.source),
  render(ctx) {
    if (!isLoginTarget(decodedTarget(ctx.path))) return accountPage(ctx);
    return ctx.method.toUpperCase() === 'POST' ? loginRedirect(ctx) : loginPage(ctx);
  },
});
