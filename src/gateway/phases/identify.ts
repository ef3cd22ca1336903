import { identifyClient } from '../../defend/index.js';
import type { RequestContext } from '../request-context.js';

/** identify: who is the client (address through trusted proxies, /64 prefix for IPv6). */
export function identifyPhase(ctx: RequestContext): void {
  const headers = ctx.req.headers;
  const forwardedFor = headers['x-forwarded-for'];
  ctx.client = identifyClient(
    {
      remoteAddress: ctx.req.socket.remoteAddress ?? '',
      forwardedFor: Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor,
      userAgent: headers['user-agent'] ?? '',
      rawHeaders: ctx.req.rawHeaders,
    },
    ctx.snapshot.identity,
  );
}
