import type { PageContext } from '../page-context.js';
import { pageResponse } from '../page-response.js';
import { decodedTarget } from '../shared/decoded-target.js';
import type { TrapStrategy, TrapStrategyFactory } from '../trap-strategy.js';
import { accessLogFile } from './access-log-file.js';
import { appConfigFile } from './app-config-file.js';
import { envFile } from './env-file.js';
import { passwdFile, SERVICE_HOME_TEMPLATE } from './passwd-file.js';
import { wpConfigFile } from './wp-config-file.js';

const LOG_HINT = /\.log\b|\blogs?\//;
const CONFIG_HINT = /\.(?:ya?ml|conf|cfg|ini|json|xml|properties)\b|config/;

// The file a traversal or a probe asked for, by the name in its (decoded) target.
function fileFor(ctx: PageContext): string {
  const wanted = decodedTarget(ctx.target);
  if (wanted.includes('passwd')) return passwdFile(ctx);
  if (wanted.includes('.env')) return envFile(ctx);
  if (wanted.includes('wp-config')) return wpConfigFile(ctx);
  if (LOG_HINT.test(wanted)) return accessLogFile(ctx);
  if (CONFIG_HINT.test(wanted)) return appConfigFile(ctx);
  return ctx.rng.chance(0.5) ? appConfigFile(ctx) : accessLogFile(ctx);
}

/**
 * For path traversal and file probes: the system and config files asked for, as plain text, with canaries
 * for their secrets and maze paths in their settings, comments and log lines.
 * @example createFilesStrategy({}).render(ctx).body // 'root:x:0:0:root:/root:/bin/bash\n…' for /etc/passwd
 */
export const createFilesStrategy: TrapStrategyFactory = (): TrapStrategy => ({
  name: 'files',
  templates: [SERVICE_HOME_TEMPLATE.source],
  render: (ctx) => pageResponse(ctx, 'text', fileFor(ctx)),
});
