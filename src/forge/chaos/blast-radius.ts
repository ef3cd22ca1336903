import { z } from 'zod';
import { hostMatcher } from './host-pattern.js';
import { pathMatcher } from './path-pattern.js';
import { createSampler } from './sampler.js';

const hostPattern = z
  .string()
  .regex(/^(\*|(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/i, {
    message: 'must be a host name, `*.domain`, `*` or an [IPv6] literal',
  });

/** Which requests a fault may touch; left out, a field does not narrow it. */
export const blastRadiusSchema = z
  .strictObject({
    sites: z.array(hostPattern).min(1).optional().describe('Host header patterns; default any host.'),
    routes: z
      .array(z.string().startsWith('/'))
      .min(1)
      .optional()
      .describe('Path globs (`/api/*`) or prefixes (`/api`); default any path.'),
    percent: z
      .number()
      .min(0)
      .max(100)
      .default(100)
      .describe('Share of the requests in scope that are hit, 0 to 100.'),
  })
  .prefault({});

/** A blast radius as validated. */
export type BlastRadius = z.output<typeof blastRadiusSchema>;

/**
 * Compiles a blast radius into a test for one request. Only requests in scope (site and route) draw from
 * the sampler, so requests elsewhere do not shift which ones in scope are hit.
 * @example const inScope = blastRadiusMatcher({ routes: ['/api/*'], percent: 50 }, 7);
 */
export function blastRadiusMatcher(
  radius: BlastRadius,
  seed: number,
): (host: string, path: string) => boolean {
  const sites = radius.sites?.map(hostMatcher);
  const routes = radius.routes?.map(pathMatcher);
  const sample = createSampler(radius.percent, seed);
  return (host, path) => {
    if (sites !== undefined && !sites.some((site) => site(host))) return false;
    if (routes !== undefined && !routes.some((route) => route(path))) return false;
    return sample();
  };
}
