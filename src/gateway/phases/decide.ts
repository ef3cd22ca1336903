import type { Verdict } from '../../core/index.js';
import { judgeInspection } from '../../inspect/index.js';
import { canaryVerdict, divert, trappedVerdict } from '../labyrinth/trap-client.js';
import type { RequestContext } from '../request-context.js';

/** The verdict that refuses a request whose inspection failed under fail mode closed. */
export const INSPECT_FAULT_VERDICT: Verdict = Object.freeze({
  score: 0,
  findings: [],
  action: 'block',
  reason: 'fault/inspect',
  publicReason: 'unavailable',
});

/**
 * decide: turn the decision, the labyrinth and the inspection into a verdict with one action and its
 * reasons. Order: standing decisions (allow-lists win), a canary coming back, a client in the maze, then
 * the findings — where a block becomes the maze when the labyrinth is on.
 */
export function decidePhase(ctx: RequestContext): void {
  const decision = ctx.decision;
  const runtime = ctx.snapshot.labyrinth;
  if (decision === undefined && runtime !== undefined && runtime.options.canaries.enabled) {
    const verdict = canaryVerdict(ctx, runtime);
    if (verdict !== undefined) {
      ctx.verdict = verdict;
      return;
    }
  }
  if (ctx.challengeAnswer && decision?.action !== 'block' && decision?.action !== 'allow') {
    ctx.verdict = {
      score: 0,
      findings: [],
      action: 'challenge',
      reason: 'challenge/answer',
      publicReason: '',
    };
    return;
  }
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
    ctx.verdict = INSPECT_FAULT_VERDICT;
    return;
  }
  // The shared state this request needs is away and the fail mode is closed: it cannot be let through unchecked.
  if (ctx.storeDown) {
    ctx.verdict = {
      score: 0,
      findings: [],
      action: 'block',
      reason: 'fault/store',
      publicReason: 'unavailable',
    };
    return;
  }
  if (ctx.intruder !== undefined) {
    ctx.verdict = trappedVerdict(ctx.intruder);
    return;
  }
  if (ctx.rateLimit !== undefined) {
    ctx.verdict = {
      score: 0,
      findings: [],
      action: 'ratelimit',
      reason: `ratelimit/${ctx.rateLimit.rule.name}`,
      publicReason: 'too many requests',
    };
    return;
  }
  const route = ctx.route;
  if (route === undefined) return;
  const verdict = judgeInspection(
    { findings: ctx.findings, overLimits: ctx.overLimits, overBudget: ctx.overBudget },
    route.judge,
  );
  if (verdict !== undefined) ctx.verdict = runtime === undefined ? verdict : divert(ctx, runtime, verdict);
}
