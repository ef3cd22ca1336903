import { serveChallenge } from '../challenge/serve-challenge.js';
import { forwardRequest } from '../forward.js';
import { sendGatewayResponse } from '../gateway-responses.js';
import { serveMaze } from '../labyrinth/serve-maze.js';
import { rateLimitHeaders } from '../rate-limit-headers.js';
import type { RequestContext } from '../request-context.js';

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
      // block
      ctx.origin = 'gateway';
      sendGatewayResponse(ctx.res, 403, header, ctx.requestId);
  }
  return done;
}
