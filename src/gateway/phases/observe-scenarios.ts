import type { EventBus, Topics } from '../../core/index.js';
import type { RequestContext } from '../request-context.js';

/**
 * Counts a finished request in the behaviour scenarios; each overflow becomes a decision about the client
 * (its address, or its IPv6 prefix as a range), looked up from the next request on, and is announced.
 */
export function observeScenarios(ctx: RequestContext, bus: EventBus<Topics>): void {
  const engine = ctx.snapshot.scenarios;
  if (engine === undefined) return;
  const target = ctx.req.url ?? '/';
  const q = target.indexOf('?');
  const analyzers = ctx.findings.length === 0 ? [] : [...new Set(ctx.findings.map((f) => f.analyzer))];
  const overflows = engine.observe(
    {
      path: q < 0 ? target : target.slice(0, q),
      method: ctx.req.method ?? 'GET',
      status: ctx.res.headersSent ? ctx.res.statusCode : 499,
      analyzers,
      ip: ctx.client.ip,
      prefix: ctx.client.prefix,
    },
    Date.now(),
  );
  const decisions = ctx.snapshot.labyrinthState.decisions;
  // Expired decisions only cost memory: sweep them now and then, as new ones come.
  if (overflows.length > 0 && decisions.size > 1024) decisions.prune(Date.now());
  for (const overflow of overflows) {
    const now = Date.now();
    const decision = {
      id: `scenario-${overflow.scenario.name}-${ctx.requestId}`,
      scope: overflow.scope,
      value: overflow.value,
      action: overflow.action,
      reason: `scenario/${overflow.scenario.name}`,
      source: 'agent' as const,
      created: now,
      expires: now + overflow.durationMs,
      createdBy: 'defend',
    };
    decisions.add(decision);
    bus.publish('decision.made', decision);
  }
}
