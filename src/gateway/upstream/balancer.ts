import type { Target } from './target.js';

/** How a target is chosen among the ready ones; `upstream.balance` in the configuration. */
export type BalanceKind = 'round-robin' | 'least-connections';

/**
 * Chooses the target of each try. Only ready targets (healthy, not ejected, breaker closed) take ordinary
 * requests: in turn, or the one with the fewest requests in flight (ties in turn). A target whose breaker
 * waits for a probe gets one from a first try that can be retried elsewhere should the probe fail, or from
 * any request once no target is ready.
 * @example const i = balancer.pick(targets, performance.now(), -1, true); if (i < 0) serveFallback();
 */
export class Balancer {
  readonly kind: BalanceKind;
  #turn = 0;

  constructor(kind: BalanceKind) {
    this.kind = kind;
  }

  /**
   * The index of the target for the next try, or -1 when none can take it. `avoid` is the index of a
   * target that just failed this request (-1: none): it is taken only when no other one can.
   */
  pick(targets: readonly Target[], now: number, avoid: number, replayable: boolean): number {
    const n = targets.length;
    if (n === 1) return targets[0]!.ready(now) || targets[0]!.probeable(now) ? 0 : -1;
    const start = this.#turn;
    // A retry does not take a turn: the next request still gets the target after this one's first.
    if (avoid < 0) this.#turn = start + 1 === n ? 0 : start + 1;
    const least = this.kind === 'least-connections';
    let best = -1;
    let bestLoad = Number.POSITIVE_INFINITY;
    let avoided = -1;
    let probe = -1;
    for (let k = 0; k < n; k++) {
      const i = start + k < n ? start + k : start + k - n;
      const target = targets[i]!;
      if (target.ready(now)) {
        if (i === avoid) avoided = i;
        else if (best < 0 || (least && target.inFlight < bestLoad)) {
          best = i;
          bestLoad = target.inFlight;
        }
      } else if (probe < 0 && i !== avoid && target.probeable(now)) probe = i;
    }
    // A retry goes to a ready target first: it already failed once, it is not the one to risk a probe.
    if (probe >= 0 && ((replayable && avoid < 0) || (best < 0 && avoided < 0))) return probe;
    if (best >= 0) return best;
    return avoided >= 0 ? avoided : probe;
  }
}
