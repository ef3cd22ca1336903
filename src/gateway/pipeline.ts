import type { RequestContext } from './request-context.js';

/** The phases of the data plane, in the order every request goes through them (DESIGN.md). */
export const PHASE_NAMES = ['identify', 'decisions', 'inspect', 'decide', 'act', 'emit'] as const;

export type PhaseName = (typeof PHASE_NAMES)[number];

/** One step over the request context; a phase that must wait returns a promise. */
export type Phase = (ctx: RequestContext) => void | Promise<void>;

/** The phase functions, one per name. */
export type Phases = Readonly<Record<PhaseName, Phase>>;

/**
 * Runs the phases in order; synchronous phases run back to back without a promise in between.
 * A phase that throws is a fault: `onFault` answers the request.
 */
export function runPipeline(
  phases: Phases,
  ctx: RequestContext,
  onFault: (ctx: RequestContext, err: unknown) => void,
) {
  let i = 0;
  const next = (): void => {
    try {
      while (i < PHASE_NAMES.length) {
        const pending = phases[PHASE_NAMES[i++]!](ctx);
        if (pending !== undefined) {
          pending.then(next, (err: unknown) => onFault(ctx, err));
          return;
        }
      }
    } catch (err) {
      onFault(ctx, err);
    }
  };
  next();
}
