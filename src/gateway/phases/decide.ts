import type { Verdict } from '../../core/index.js';
import { scoreFindings } from '../../inspect/index.js';
import type { RequestContext } from '../request-context.js';

/** decide: turn the decision and the findings into a verdict with one action and its reasons. */
export function decidePhase(ctx: RequestContext): void {
  const decision = ctx.decision;
  if (decision !== undefined) {
    ctx.verdict = {
      score: 0,
      findings: [],
      action: decision.action,
      reason: `decision/${decision.action === 'block' ? 'ban' : decision.action}`,
      publicReason: decision.action === 'allow' ? '' : 'access denied',
    };
    return;
  }
  if (ctx.error === 'inspect-fault' && ctx.snapshot.config.defend.failMode === 'closed') {
    ctx.verdict = {
      score: 0,
      findings: [],
      action: 'block',
      reason: 'fault/inspect',
      publicReason: 'unavailable',
    };
    return;
  }
  const findings = ctx.findings;
  if (findings.length === 0) return;
  const detectOnly = ctx.route?.inspectMode === 'detect';
  const verdict: Verdict = {
    score: scoreFindings(findings),
    findings,
    action: detectOnly ? 'log' : 'block',
    reason: `detector/${findings[0]!.analyzer}`,
    publicReason: detectOnly ? '' : 'request blocked',
  };
  ctx.verdict = verdict;
}
