import { judgeInspection } from '../../inspect/index.js';
import type { RequestContext } from '../request-context.js';

/** decide: turn the decision and the inspection into a verdict with one action and its reasons. */
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
  const route = ctx.route;
  if (route === undefined) return;
  const verdict = judgeInspection(
    { findings: ctx.findings, overLimits: ctx.overLimits, overBudget: ctx.overBudget },
    route.judge,
  );
  if (verdict !== undefined) ctx.verdict = verdict;
}
