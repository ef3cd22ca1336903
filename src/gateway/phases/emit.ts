import { performance } from 'node:perf_hooks';
import type { EventBus, SecurityEvent, Topics } from '../../core/index.js';
import type { RequestContext } from '../request-context.js';
import { takeSample, wantsSample } from '../sampling/take-sample.js';
import { targetPath } from '../target-path.js';
import { feedDefence } from './feed-defence.js';

/** Status recorded for a request whose client went away before the answer (as nginx does). */
export const CLIENT_CLOSED_STATUS = 499;

/** Builds the one SecurityEvent of a finished request. */
export function securityEventOf(ctx: RequestContext): SecurityEvent {
  const { req, res } = ctx;
  const status = ctx.error === 'client-aborted' || !res.headersSent ? CLIENT_CLOSED_STATUS : res.statusCode;
  return {
    id: ctx.requestId,
    time: ctx.time,
    requestId: ctx.requestId,
    site: ctx.site?.name ?? '',
    client: ctx.client,
    request: {
      method: req.method ?? '',
      host: req.headers.host ?? '',
      path: targetPath(req.url ?? '/'),
      bodyBytes: ctx.bodyBytes,
      headerBytes: 0,
    },
    verdict: ctx.verdict,
    response: {
      status,
      bytes: (req.socket?.bytesWritten ?? ctx.socketBytesAtStart) - ctx.socketBytesAtStart,
      upstreamMs: ctx.upstreamMs,
      origin: ctx.origin,
      ...(ctx.error ? { error: ctx.error } : {}),
    },
    timings: { totalMs: performance.now() - ctx.started, inspectMs: ctx.inspectMs },
    ...(ctx.intruder !== undefined ? { labyrinthSession: ctx.intruder.id } : {}),
    ...(ctx.overLimits.length > 0 || ctx.overBudget
      ? { inspectLimits: [...new Set(ctx.overBudget ? [...ctx.overLimits, 'budget'] : ctx.overLimits)] }
      : {}),
  };
}

/** emit: publish the request's SecurityEvent on the bus, and feed the scenarios and the ladder. */
export function createEmitPhase(bus: EventBus<Topics>): (ctx: RequestContext) => void {
  return (ctx) => {
    if (bus.hasListeners('security.event')) bus.publish('security.event', securityEventOf(ctx));
    const { snapshot } = ctx;
    const sampling = snapshot.config.guardian.samples;
    if (sampling.enabled && bus.hasListeners('request.sampled') && wantsSample(ctx, sampling, Math.random))
      bus.publish('request.sampled', takeSample(ctx, sampling));
    if ((snapshot.scenarios !== undefined || snapshot.ladder !== undefined) && ctx.site !== undefined)
      feedDefence(ctx, bus);
  };
}
