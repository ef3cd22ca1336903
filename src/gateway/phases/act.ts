import { serveChallenge } from '../challenge/serve-challenge.js';
import { forwardRequest } from '../forward.js';
import { sendGatewayResponse } from '../gateway-responses.js';
import { serveMaze } from '../labyrinth/serve-maze.js';
import { rateLimitHeaders } from '../rate-limit-headers.js';
import type { RequestContext } from '../request-context.js';
import { INSPECT_FAULT_VERDICT } from './decide.js';

/** The reason of the verdict that refuses a request whose inspection failed (decide and the fail mode). */
export const INSPECT_FAULT_REASON = INSPECT_FAULT_VERDICT.reason;

/**
 * act: carry out the verdict. Resolves when the response is over (finished or cut), so that emit sees
 * the final status and sizes.
 */
export function actPhase(ctx: RequestContext): Promise<void> {
  const res = ctx.res;
  // A client that left while its body was read: nothing to answer, only the event to emit.
  if (res.closed) return Promise.resolve();
  const done = new Promise<void>((resolve) =>
    res.once('close', () => {
      // The client left before the answer was complete: stop the upstream exchange (forward listens).
      if (!res.writableFinished) res.emit('abort');
      resolve();
    }),
  );
  if (res.destroyed) return done;
  const header = ctx.snapshot.config.server.requestIdHeader;
  if (ctx.site === undefined) {
    ctx.origin = 'gateway';
    ctx.error = 'unknown-site';
    sendGatewayResponse(ctx.res, 421, header, ctx.requestId);
    return done;
  }
  switch (ctx.verdict.action) {
    case 'allow':
    case 'log':
      forwardRequest(ctx);
      break;
    case 'ratelimit':
      ctx.origin = 'gateway';
      sendGatewayResponse(
        ctx.res,
        429,
        header,
        ctx.requestId,
        rateLimitHeaders(ctx.rateLimit, ctx.decision, ctx.time),
      );
      break;
    case 'labyrinth':
    case 'tarpit':
      if (ctx.intruder !== undefined && ctx.snapshot.labyrinth !== undefined) {
        serveMaze(ctx);
        break;
      }
      ctx.origin = 'gateway';
      sendGatewayResponse(ctx.res, 403, header, ctx.requestId);
      break;
    case 'challenge':
      serveChallenge(ctx);
      break;
    default:
      // block; refused because inspection failed (fail mode closed), the gateway is what is unavailable.
      ctx.origin = 'gateway';
      sendGatewayResponse(
        ctx.res,
        ctx.verdict.reason === INSPECT_FAULT_REASON ? 503 : 403,
        header,
        ctx.requestId,
      );
  }
  return done;
}
