import type { SecurityEvent } from '../../../core/index.js';
import { STRATEGY_BY_ANALYZER, type TrapStrategy } from './trap-strategies.js';

const LOGIN = /(?:^|\/)(?:log-?in|sign-?in|auth(?:enticate)?|session|wp-login\.php|account)(?:[/.?]|$)/i;
const API = /^\/(?:api|graphql|v\d+)(?:\/|$)/i;

/** What an intruder did inside the maze: the requests it sent there and what they were. */
export class IntruderEvidence {
  requests = 0;
  loginPosts = 0;
  apiRequests = 0;
  /** Per strategy, the summed confidence of the findings that point to it, and their analyzers. */
  readonly weights = new Map<TrapStrategy, { weight: number; analyzers: Set<string> }>();

  observe(event: SecurityEvent): void {
    this.requests++;
    if (event.request.method === 'POST' && LOGIN.test(event.request.path)) this.loginPosts++;
    if (API.test(event.request.path)) this.apiRequests++;
    for (const finding of event.verdict.findings) {
      const strategy = STRATEGY_BY_ANALYZER[finding.analyzer];
      if (strategy === undefined) continue;
      const entry = this.weights.get(strategy) ?? { weight: 0, analyzers: new Set<string>() };
      entry.weight += finding.confidence;
      entry.analyzers.add(finding.analyzer);
      this.weights.set(strategy, entry);
    }
  }
}
