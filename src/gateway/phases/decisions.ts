import type { RequestContext } from '../request-context.js';

/** decisions: is there a standing order (a ban, an allow-list entry) for this client? */
export function decisionsPhase(ctx: RequestContext): void {
  ctx.decision = ctx.snapshot.decisions.match(ctx.client, ctx.time);
}
