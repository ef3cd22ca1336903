import { performance } from 'node:perf_hooks';
import { createRestJudge, type RestWindow, THRESHOLDS } from '../inspect/index.js';
import { INSPECT_FAULT_VERDICT } from './phases/decide.js';
import type { RequestContext } from './request-context.js';

/** Thrown inside the body stream when the rest of a body settles a block: the upload is cut off. */
export class BodyRefusedError extends Error {
  constructor() {
    super('gateway: request body refused by inspection');
    this.name = 'BodyRefusedError';
  }
}

/** The inspection of a body's rest as it streams to the upstream. */
export interface RestScan {
  /** Body bytes inspected with the request (the prefix); the scan starts after them. */
  readonly from: number;
  /** Bytes held back and inspected at a time. */
  readonly windowBytes: number;
  /**
   * Inspects the next window of the body, `last` once it ended (the window may then be empty); throws
   * BodyRefusedError when it settles a block.
   */
  inspect(window: Buffer, last: boolean): void;
}

/**
 * The scan of the rest of a body that went on past the inspected prefix, under `overLimit: inspect-stream`;
 * undefined when there is nothing to scan. Each window is judged with what the prefix found, under the
 * route's policy and exclusions (createRestJudge); what it finds goes on the request's verdict, so the
 * event carries it. The windows share one time budget (`inspect.budgetMs`).
 */
export function restScan(ctx: RequestContext): RestScan | undefined {
  const { route, view, snapshot, bodyPrefix } = ctx;
  if (route === undefined || view === undefined || bodyPrefix === undefined || bodyPrefix.complete) return;
  if (!route.inspectEnabled || route.judge.overLimit !== 'inspect-stream') return;
  const site = ctx.site?.name ?? '';
  const judge = createRestJudge(snapshot.inspector, view, {
    policy: route.judge,
    options: {
      decisiveScore: THRESHOLDS[route.judge.sensitivity],
      keep: (findings) => snapshot.exclusions(findings, site, view.path),
    },
    prefixFindings: ctx.findings,
    budgetMs: snapshot.config.inspect.budgetMs,
  });
  let failed = false;
  return {
    from: snapshot.inspectBodyBytes,
    windowBytes: snapshot.inspectBodyBytes,
    inspect(window, last) {
      if (failed) return;
      const started = performance.now();
      let judged: RestWindow;
      try {
        judged = judge.next(window, last);
      } catch (err) {
        // As for the prefix: an analyzer fault lets the rest through, or refuses it under fail mode closed.
        failed = true;
        ctx.error = 'inspect-fault';
        ctx.faults.push(err);
        if (snapshot.config.defend.failMode !== 'closed') return;
        ctx.verdict = INSPECT_FAULT_VERDICT;
        throw new BodyRefusedError();
      } finally {
        ctx.inspectMs += performance.now() - started;
      }
      if (judged.overBudget) ctx.overBudget = true;
      const verdict = judged.verdict;
      if (verdict === undefined) return;
      ctx.verdict = verdict;
      ctx.findings = verdict.findings;
      if (verdict.action === 'block') throw new BodyRefusedError();
    },
  };
}
