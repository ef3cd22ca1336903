import { type Finding, STRATEGY_BY_ANALYZER } from '../core/index.js';
import type { TrapStrategyName } from './trap-strategy-name.js';

/** What the strategy is chosen from: the request that got the client trapped, and what was found in it. */
export interface TrapTrigger {
  readonly method: string;
  readonly path: string;
  readonly userAgent: string;
  readonly findings: readonly Finding[];
}

const LOGIN = /(?:^|\/)(?:log-?in|sign-?in|auth(?:enticate)?|session|wp-login\.php|account)(?:[/.?]|$)/i;
const API = /^\/(?:api|graphql|v\d+)(?:\/|$)/i;

/**
 * The trap strategy for a client: the strongest finding's family decides (SQL injection → database decoys);
 * without a telling finding, a login form gets a fake account, an API path endless collections, anything
 * else (crawlers, scanners) articles or panels.
 *
 * @example chooseStrategy({ method: 'GET', path: '/', userAgent: 'x', findings: [sqliFinding] }) // 'sql'
 */
export function chooseStrategy(trigger: TrapTrigger): TrapStrategyName {
  let best: Finding | undefined;
  for (const finding of trigger.findings) {
    if (STRATEGY_BY_ANALYZER[finding.analyzer] === undefined) continue;
    if (best === undefined || finding.confidence > best.confidence) best = finding;
  }
  if (best !== undefined && best.confidence >= 0.5) return STRATEGY_BY_ANALYZER[best.analyzer]!;
  if (trigger.method === 'POST' && LOGIN.test(trigger.path)) return 'account';
  if (API.test(trigger.path)) return 'api';
  if (best !== undefined) return STRATEGY_BY_ANALYZER[best.analyzer]!;
  return 'articles';
}
