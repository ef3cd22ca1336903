import { performance } from 'node:perf_hooks';
import { buildRequestView } from '../../inspect/index.js';
import { prefixBytes, readBodyPrefix } from '../body-prefix.js';
import { bodyShape } from '../request-body.js';
import type { RequestContext } from '../request-context.js';

function run(ctx: RequestContext, body: Uint8Array | undefined): void {
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
  });
  try {
    const inspection = snapshot.inspector.inspect(ctx.view);
    ctx.overLimits = inspection.overLimits;
    ctx.overBudget = inspection.overBudget;
    ctx.findings = snapshot.exclusions(inspection.findings, ctx.site?.name ?? '', ctx.view.path);
  } catch (err) {
    // An analyzer fault must not take the request down with it: decide applies the fail mode.
    ctx.error = 'inspect-fault';
    ctx.faults.push(err);
  }
  ctx.inspectMs = performance.now() - started;
}

/**
 * inspect: run the analyzers over the request, unless a decision already settled it or the route opts out.
 * A body is read up to the inspection limit first and held back; the rest stays unread until forwarded.
 */
export function inspectPhase(ctx: RequestContext): void | Promise<void> {
  const route = ctx.route;
  if (ctx.decision !== undefined || route === undefined || !route.inspectEnabled) return;
  const shape = bodyShape(ctx.req);
  // A declared length over the body limit is refused before a byte is read (act answers 413).
  if (shape.kind === 'none' || (shape.kind === 'sized' && shape.bytes > route.maxBodyBytes)) {
    run(ctx, undefined);
    return;
  }
  const limit = ctx.snapshot.inspectBodyBytes;
  return readBodyPrefix(ctx.req, limit).then(
    (prefix) => {
      ctx.bodyPrefix = prefix;
      run(ctx, prefixBytes(prefix, limit));
      if (!prefix.complete) ctx.overLimits = [...ctx.overLimits, 'body-bytes'];
    },
    () => {
      ctx.error = 'client-aborted';
      ctx.res.destroy();
    },
  );
}
