import type { RateCheck } from '../../defend/index.js';
import { CHALLENGE_PATH } from '../challenge/challenge-page.js';
import { PASS_COOKIE } from '../challenge/serve-challenge.js';
import { cookieValue } from '../cookie-value.js';
import { sessionKey, trappedSession } from '../labyrinth/trap-client.js';
import type { RequestContext } from '../request-context.js';
import { targetPath } from '../target-path.js';

/** The API key the client presented in the configured header or cookie, or ''. */
function apiKeyOf(ctx: RequestContext): string {
  const { header, cookie } = ctx.snapshot.config.defend.apiKey;
  const headers = ctx.req.headers;
  if (header !== undefined) {
    const value = headers[header.toLowerCase()];
    if (typeof value === 'string' && value !== '') return value.slice(0, 256);
  }
  return cookie === undefined ? '' : cookieValue(headers.cookie, cookie).slice(0, 256);
}

/**
 * decisions: is there a standing order (a ban, an allow-list entry, configured or made at run time) for
 * this client, is it in the labyrinth, or is it over a rate limit? An allow-list entry exempts it from the
 * limits; a client in the maze stays in the maze.
 */
export function decisionsPhase(ctx: RequestContext): void | Promise<void> {
  const { snapshot } = ctx;
  ctx.decision =
    snapshot.decisions.match(ctx.client, ctx.time) ??
    snapshot.labyrinthState.decisions.match(ctx.client, ctx.time);
  const path = targetPath(ctx.req.url ?? '/');
  ctx.challengeAnswer = path.startsWith(CHALLENGE_PATH);
  // A client that passed the challenge is through it until its pass expires.
  if (
    ctx.decision?.action === 'challenge' &&
    snapshot.challenge.passes(cookieValue(ctx.req.headers.cookie, PASS_COOKIE), ctx.client, ctx.time)
  )
    ctx.decision = undefined;
  const runtime = snapshot.labyrinth;
  // A client in the maze stays there: a milder decision (a rate limit, a challenge) would only let it out.
  if (
    runtime !== undefined &&
    (ctx.decision?.action === 'ratelimit' || ctx.decision?.action === 'challenge') &&
    snapshot.labyrinthState.sessions.get(sessionKey(ctx), ctx.time) !== undefined
  )
    ctx.decision = undefined;
  const decision = ctx.decision;
  if (
    runtime !== undefined &&
    (decision === undefined || decision.action === 'labyrinth' || decision.action === 'tarpit')
  )
    ctx.intruder = trappedSession(ctx, runtime, decision?.reason);
  const limiter = snapshot.rateLimiter;
  if (
    limiter === undefined ||
    decision !== undefined ||
    ctx.intruder !== undefined ||
    ctx.site === undefined ||
    ctx.challengeAnswer
  )
    return;
  const check = limiter.check(
    { method: ctx.req.method ?? 'GET', path, client: ctx.client, apiKey: apiKeyOf(ctx) },
    ctx.time,
  );
  // Shared counters (a cluster) answer after a round trip; local ones at once.
  if (check instanceof Promise) return check.then((answer) => applyRateCheck(ctx, answer));
  applyRateCheck(ctx, check);
}

function applyRateCheck(ctx: RequestContext, check: RateCheck): void {
  if (check === 'store-down') ctx.storeDown = true;
  else ctx.rateLimit = check;
}
