import type { Config } from '../config/index.js';
import { InfinisecError } from '../core/index.js';

/** A valid configuration can still have nothing to serve: refuse it with the same error as a bad file. */
export function assertServable(config: Config): void {
  if (config.sites.length > 0) return;
  throw new InfinisecError('INFINISEC_ERR_CONFIG_INVALID', 'config', 'no site is configured', {
    details: ['sites: add at least one site (or run `infinisec start --demo` to try the bundled demo app)'],
  });
}
