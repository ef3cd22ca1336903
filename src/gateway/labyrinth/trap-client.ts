import type { Finding, IntruderSession, Verdict } from '../../core/index.js';
import { chooseStrategy, type TrapStrategyName } from '../../labyrinth/index.js';
import type { RequestContext } from '../request-context.js';
import { targetPath } from '../target-path.js';
import { findCanaryUse } from './find-canary-use.js';
import type { LabyrinthRuntime } from './labyrinth-runtime.js';

/** The key of a client's session: one per site and address prefix (an IPv6 /64 is one client). */
export function sessionKey(ctx: RequestContext): string {
  return `${ctx.site?.name ?? ''} ${ctx.client.prefix}`;
}

/** The maze's verdict: the client must not learn why, nor that it is in a maze. */
function mazeVerdict(reason: string, findings: readonly Finding[] = [], score = 0): Verdict {
  return { score, findings, action: 'labyrinth', reason, publicReason: '' };
}

function open(ctx: RequestContext, runtime: LabyrinthRuntime, reason: string, findings: readonly Finding[]) {
  const forced = runtime.options.strategy;
  const strategy: TrapStrategyName =
    forced !== 'auto'
      ? forced
      : reason === 'labyrinth/trap-link'
        ? 'articles'
        : chooseStrategy({
            method: ctx.req.method ?? 'GET',
            path: targetPath(ctx.req.url ?? '/'),
            userAgent: ctx.client.userAgent,
            findings,
          });
  const state = ctx.snapshot.labyrinthState;
  const session = state.sessions.open(
    sessionKey(ctx),
    { site: ctx.site?.name ?? '', client: ctx.client, strategy, reason },
    ctx.time,
  );
  state.bus.publish('labyrinth.session', session);
  return session;
}

/**
 * Before inspection: a client already in the maze stays there; one that follows a trap link (or any link
 * the maze made), or that a decision sends there (`decided`: its reason), enters it. Verified good bots
 * never do.
 */
export function trappedSession(
  ctx: RequestContext,
  runtime: LabyrinthRuntime,
  decided?: string,
): IntruderSession | undefined {
  if (ctx.site === undefined) return undefined;
  const sessions = ctx.snapshot.labyrinthState.sessions;
  const session = sessions.get(sessionKey(ctx), ctx.time);
  if (session !== undefined) return session;
  if (decided !== undefined) return open(ctx, runtime, decided, []);
  if (!runtime.isTrapPath(ctx.site.name, targetPath(ctx.req.url ?? '/')) || runtime.isGoodBot(ctx.client))
    return undefined;
  return open(ctx, runtime, 'labyrinth/trap-link', []);
}

/** A trapped client's verdict. */
export function trappedVerdict(session: IntruderSession): Verdict {
  return mazeVerdict(session.reason === 'labyrinth/trap-link' ? 'labyrinth/trap-link' : 'labyrinth/trapped');
}

/** After judging: a request that would be blocked sends its client into the maze instead. */
export function divert(ctx: RequestContext, runtime: LabyrinthRuntime, verdict: Verdict): Verdict {
  if (verdict.action !== 'block' || !verdict.reason.startsWith('detector/')) return verdict;
  if (ctx.site === undefined || runtime.isGoodBot(ctx.client)) return verdict;
  ctx.intruder = open(ctx, runtime, verdict.reason, verdict.findings);
  return mazeVerdict(verdict.reason, verdict.findings, verdict.score);
}

/**
 * A canary in the request: the event links it to the intruder it was served to, and a decision bans the
 * address that used it. The intruder itself replaying a canary inside the maze stays in the maze.
 */
export function canaryVerdict(ctx: RequestContext, runtime: LabyrinthRuntime): Verdict | undefined {
  const found = findCanaryUse(ctx, runtime);
  if (found === undefined) return undefined;
  const { hit, location } = found;
  const state = ctx.snapshot.labyrinthState;
  const updated = state.sessions.canaryUsed(hit.intruder);
  if (updated !== undefined) state.bus.publish('labyrinth.session', updated);
  state.bus.publish('labyrinth.canary', {
    time: ctx.time,
    requestId: ctx.requestId,
    site: ctx.site?.name ?? '',
    kind: hit.kind,
    intruder: hit.intruder,
    client: ctx.client,
    location,
  });
  const finding: Finding = {
    analyzer: 'canary',
    rule: 'canary/used',
    confidence: 1,
    location,
    evidence: `${hit.kind} served to intruder ${hit.intruder}`,
    transforms: [],
  };
  if (ctx.intruder !== undefined && ctx.intruder.id === hit.intruder)
    return mazeVerdict('canary/used', [finding], 1);
  const { action, banMs } = runtime.options.canaries;
  const decision = {
    id: `canary-${ctx.requestId}`,
    scope: 'ip' as const,
    value: ctx.client.ip,
    action,
    reason: `canary/used: ${hit.kind} of intruder ${hit.intruder}`,
    source: 'canary' as const,
    created: ctx.time,
    expires: ctx.time + banMs,
    createdBy: 'labyrinth',
  };
  state.decisions.add(decision);
  state.bus.publish('decision.made', decision);
  if (action === 'labyrinth' && ctx.site !== undefined)
    ctx.intruder = open(ctx, runtime, 'canary/used', [finding]);
  return { score: 1, findings: [finding], action, reason: 'canary/used', publicReason: 'access denied' };
}
