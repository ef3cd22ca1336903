import { performance } from 'node:perf_hooks';
import type { Inspector } from '../../inspect/index.js';
import type { RequestContext } from '../request-context.js';
import { createRequestView } from '../request-view.js';

/** inspect: run the analyzers over the request, unless a decision already settled it or the route opts out. */
export function createInspectPhase(inspector: Inspector): (ctx: RequestContext) => void {
  return (ctx) => {
    if (ctx.decision !== undefined || ctx.route === undefined || !ctx.route.inspectEnabled) return;
    const started = performance.now();
    ctx.view = createRequestView(ctx.req, ctx.requestId, ctx.protocol);
    try {
      ctx.findings = inspector.inspect(ctx.view);
    } catch (err) {
      // An analyzer fault must not take the request down with it: decide applies the fail mode.
      ctx.error = 'inspect-fault';
      ctx.faults.push(err);
    }
    ctx.inspectMs = performance.now() - started;
  };
}
