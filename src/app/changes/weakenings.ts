import type { Config } from '../../config/index.js';
import type { ExclusionInput } from '../../control/index.js';

const SENSITIVITY = ['low', 'balanced', 'high', 'paranoid'] as const;
const OVER_LIMIT_STRENGTH = { allow: 0, 'inspect-prefix': 1, 'inspect-stream': 2, block: 3 } as const;

interface Effective {
  readonly inspect: boolean;
  readonly mode: string;
  readonly sensitivity: (typeof SENSITIVITY)[number];
}

// The inspection policy in force per site and route (`shop /api`), with overrides merged.
function effectivePolicies(config: Config): Map<string, Effective> {
  const out = new Map<string, Effective>();
  const { inspect } = config;
  for (const site of config.sites) {
    const base: Effective = {
      inspect: inspect.enabled,
      mode: inspect.mode,
      sensitivity: inspect.sensitivity,
    };
    out.set(`site ${site.name}`, base);
    for (const route of site.routes)
      out.set(`route ${route.path} of site ${site.name}`, {
        inspect: route.inspect?.enabled ?? base.inspect,
        mode: route.inspect?.mode ?? base.mode,
        sensitivity: route.inspect?.sensitivity ?? base.sensitivity,
      });
  }
  return out;
}

const added = <T>(before: readonly T[], after: readonly T[], key: (item: T) => string): T[] => {
  const known = new Set(before.map(key));
  return after.filter((item) => !known.has(key(item)));
};

/** What an exclusion silences and where: `silences analyzer sqli on every site, paths under /search`. */
export function describeExclusion(e: ExclusionInput): string {
  const what = [e.analyzer ? `analyzer ${e.analyzer}` : '', e.rule ? `rule ${e.rule}` : '']
    .filter(Boolean)
    .join(' and ');
  const where = [
    e.site ? `site ${e.site}` : 'every site',
    e.path ? `paths under ${e.path}` : 'every path',
    e.location ? `location ${e.location}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `silences ${what || 'every finding'} on ${where}`;
}

/**
 * The ways a new configuration protects less than the running one, one line each; empty when it does not.
 * Looks at what decides whether an attack is stopped: inspection, its mode, sensitivity, analyzers, exclusions,
 * limits, fail modes, the maze, rate limits, allow decisions, trusted proxies and the approvals themselves.
 */
export function weakenings(before: Config, after: Config): string[] {
  const out: string[] = [];
  const policiesBefore = effectivePolicies(before);
  for (const [where, next] of effectivePolicies(after)) {
    const was = policiesBefore.get(where);
    if (was === undefined) continue;
    if (was.inspect && !next.inspect) out.push(`turns inspection off for ${where}`);
    else if (next.inspect) {
      if (was.mode === 'block' && next.mode !== 'block') out.push(`turns ${where} to detect-only`);
      if (SENSITIVITY.indexOf(next.sensitivity) < SENSITIVITY.indexOf(was.sensitivity))
        out.push(`lowers the sensitivity of ${where} from ${was.sensitivity} to ${next.sensitivity}`);
    }
  }
  const disabled = added(before.inspect.analyzers.disabled, after.inspect.analyzers.disabled, (a) => a);
  if (disabled.length > 0) out.push(`disables analyzers: ${disabled.join(', ')}`);
  for (const exclusion of added(before.inspect.exclusions, after.inspect.exclusions, (e) =>
    JSON.stringify(e),
  ))
    out.push(describeExclusion(exclusion));
  const limitsBefore = before.inspect.limits;
  const limitsAfter = after.inspect.limits;
  if (OVER_LIMIT_STRENGTH[limitsAfter.overLimit] < OVER_LIMIT_STRENGTH[limitsBefore.overLimit])
    out.push(`lets requests over the inspection limits through as ${limitsAfter.overLimit}`);
  if (limitsAfter.maxBodyBytes < limitsBefore.maxBodyBytes)
    out.push(
      `inspects fewer body bytes (${limitsAfter.maxBodyBytes} instead of ${limitsBefore.maxBodyBytes})`,
    );
  if (before.inspect.overBudget === 'block' && after.inspect.overBudget !== 'block')
    out.push('judges requests over the inspection budget by what was found so far instead of blocking them');
  const failBefore = before.inspect.failMode ?? before.defend.failMode;
  const failAfter = after.inspect.failMode ?? after.defend.failMode;
  if (failBefore === 'closed' && failAfter === 'open')
    out.push('forwards requests uninspected when inspection fails');
  if (before.defend.failMode === 'closed' && after.defend.failMode === 'open')
    out.push('serves unknown clients when a needed store is down');
  if (before.labyrinth.enabled && !after.labyrinth.enabled) out.push('turns the labyrinth off');
  const limits = new Map(after.defend.rateLimits.map((limit) => [limit.name, limit]));
  for (const limit of before.defend.rateLimits) {
    const next = limits.get(limit.name);
    if (next === undefined) out.push(`removes the rate limit ${limit.name}`);
    else if (next.limit / next.windowMs > limit.limit / limit.windowMs)
      out.push(
        `raises the rate limit ${limit.name} (${next.limit} per ${next.windowMs} ms, was ${limit.limit} per ${limit.windowMs} ms)`,
      );
  }
  const allows = added(
    before.defend.decisions.filter((d) => d.action === 'allow'),
    after.defend.decisions.filter((d) => d.action === 'allow'),
    (d) => `${d.scope}:${d.value}`,
  );
  if (allows.length > 0) out.push(`allow-lists ${allows.map((d) => d.value).join(', ')}`);
  const proxies = added(before.server.trustedProxies, after.server.trustedProxies, (p) => p);
  if (proxies.length > 0) out.push(`trusts forwarding headers from ${proxies.join(', ')}`);
  const approvalsBefore = before.guardian.approvals;
  const approvalsAfter = after.guardian.approvals;
  if (approvalsBefore.enabled && !approvalsAfter.enabled) out.push('turns change approvals off');
  else if (approvalsAfter.enabled && approvalsAfter.approvers < approvalsBefore.approvers)
    out.push(`needs fewer approvals (${approvalsAfter.approvers} instead of ${approvalsBefore.approvers})`);
  return out;
}
