import type { MazePage } from '../../maze-types.js';
import type { PageContext } from '../page-context.js';
import { pageResponse } from '../page-response.js';
import { decodedTarget } from '../shared/decoded-target.js';
import { loginPage } from '../shared/login-page.js';
import { isLoginTarget, LOGIN_TEMPLATE } from '../shared/login-path.js';
import type { TrapStrategy, TrapStrategyFactory } from '../trap-strategy.js';
import { adminPanel } from './admin-panel.js';
import { defaultServerPage } from './default-server-page.js';
import { directoryListing, LISTING_TEMPLATES } from './directory-listing.js';
import { gitConfigFile } from './git-config-file.js';
import { bannerHeaders, serverBanner } from './server-banner.js';

const ADMIN_HINT = /admin|phpmyadmin|manager|dashboard|cpanel|console|backend/;
const LISTING_HINT = /\/$|backup|upload|files|dump|export/;

/** The page a scanner probe finds, by what its (decoded) target asked for. */
function pageFor(ctx: PageContext): MazePage {
  const wanted = decodedTarget(ctx.target);
  const banner = serverBanner(ctx);
  if (wanted.includes('.git'))
    return pageResponse(ctx, 'text', gitConfigFile(ctx), { headers: bannerHeaders(banner) });
  if (isLoginTarget(wanted)) return loginPage(ctx, { headers: bannerHeaders(banner) });
  if (ADMIN_HINT.test(wanted)) return adminPanel(ctx, banner);
  if (LISTING_HINT.test(ctx.path.toLowerCase())) return directoryListing(ctx, banner);
  const roll = ctx.rng.below(3);
  return roll === 0
    ? directoryListing(ctx, banner)
    : roll === 1
      ? adminPanel(ctx, banner)
      : defaultServerPage(ctx, banner);
}

/**
 * For vulnerability scanners: exposed `.git/config`, admin panels, login forms, directory listings and
 * default pages, all behind an old server banner.
 * @example createScannerStrategy({}).render(ctx).headers.server // 'Apache/2.4.29 (Ubuntu)'
 */
export const createScannerStrategy: TrapStrategyFactory = (): TrapStrategy => ({
  name: 'scanner',
  templates: [LOGIN_TEMPLATE, ...LISTING_TEMPLATES].map((t) => t.source),
  render: pageFor,
});
