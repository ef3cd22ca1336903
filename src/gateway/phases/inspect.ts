import { performance } from 'node:perf_hooks';
import { buildRequestView, THRESHOLDS } from '../../inspect/index.js';
import { prefixBytes, readBodyPrefix } from '../body-prefix.js';
import type { CompiledRoute } from '../gateway-snapshot.js';
import { bodyShape } from '../request-body.js';
import type { RequestContext } from '../request-context.js';

function run(ctx: RequestContext, route: CompiledRoute, body: Uint8Array | undefined, bodyCut = false): void {
  const { req, snapshot } = ctx;
  const started = performance.now();
  ctx.view = buildRequestView({
    id: ctx.requestId,
    method: req.method ?? 'GET',
    target: req.url ?? '/',
    rawHeaders: req.rawHeaders,
    httpVersion: req.httpVersion,
    protocol: ctx.protocol,
    body,
    bodyCut,
  });
  const site = ctx.site?.name ?? '';
  const path = ctx.view.path;
  try {
    // Analysis stops once the route's threshold is reached: the rest could not change the verdict.
    const inspection = snapshot.inspector.inspect(ctx.view, {
      decisiveScore: THRESHOLDS[route.judge.sensitivity],
      keep: (findings) => snapshot.exclusions(findings, site, path),
    });
    ctx.overLimits = inspection.overLimits;
    ctx.overBudget = inspection.overBudget;
    ctx.findings = inspection.findings;
  } catch (err) {
    // An analyzer fault must not take the request down with it: decide applies the fail mode.
    ctx.error = 'inspect-fault';
    ctx.faults.push(err);
  }
  ctx.inspectMs = performance.now() - started;
}

/**
 * inspect: run the analyzers over the request, unless a decision or a rate limit already settled it, or the
 * route opts out.
 * A body is read up to the inspection limit first and held back; the rest stays unread until forwarded.
 */
export function inspectPhase(ctx: RequestContext): void | Promise<void> {
  const route = ctx.route;
  // A client sent to the maze is still inspected: what it tries there tells the maze and the ladder.
  const settled = (ctx.decision !== undefined && ctx.intruder === undefined) || ctx.challengeAnswer;
  if (settled || ctx.rateLimit !== undefined || route === undefined || !route.inspectEnabled) return;
  const shape = bodyShape(ctx.req);
  // A declared length over the body limit is refused before a byte is read (act answers 413).
  if (shape.kind === 'none' || (shape.kind === 'sized' && shape.bytes > route.maxBodyBytes)) {
    run(ctx, route, undefined);
    return;
  }
  const limit = ctx.snapshot.inspectBodyBytes;
  return readBodyPrefix(ctx.req, limit).then(
    (prefix) => {
      ctx.bodyPrefix = prefix;
      run(ctx, route, prefixBytes(prefix, limit), !prefix.complete);
      if (!prefix.complete) ctx.overLimits = [...ctx.overLimits, 'body-bytes'];
    },
    () => {
      ctx.error = 'client-aborted';
      ctx.res.destroy();
    },
  );
}
