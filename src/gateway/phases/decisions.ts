import { trappedSession } from '../labyrinth/trap-client.js';
import type { RequestContext } from '../request-context.js';

/**
 * decisions: is there a standing order (a ban, an allow-list entry, configured or made at run time) for
 * this client, or is it in the labyrinth?
 */
export function decisionsPhase(ctx: RequestContext): void {
  const { snapshot } = ctx;
  ctx.decision =
    snapshot.decisions.match(ctx.client, ctx.time) ??
    snapshot.labyrinthState.decisions.match(ctx.client, ctx.time);
  const runtime = snapshot.labyrinth;
  if (runtime === undefined) return;
  if (ctx.decision === undefined || ctx.decision.action === 'labyrinth' || ctx.decision.action === 'tarpit')
    ctx.intruder = trappedSession(ctx, runtime, ctx.decision?.reason);
}
