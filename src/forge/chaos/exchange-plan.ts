import type { FaultEffect } from './fault.js';

/**
 * An effect that answers in the upstream's place or closes the connection, so that the request goes no
 * further (a reset is one only before the headers).
 */
export type StopEffect = Exclude<FaultEffect, { type: 'delay' | 'throttle' }>;

/** What the proxy does with one request, all faults that hit it taken together. */
export interface ExchangePlan {
  /** Ms to wait first. */
  readonly delayMs: number;
  /** The first stop effect of the faults, in their order in the file; the request then goes no further. */
  readonly stop: StopEffect | undefined;
  /** The slowest body rate asked for. */
  readonly bytesPerSecond: number | undefined;
  /** Reset the connection after the headers and this many body bytes: the fewest asked for. */
  readonly resetAfterBytes: number | undefined;
}

/**
 * Puts the effects on one request together: delays add up, the first effect that stops the request wins,
 * the tightest throttle and the earliest reset apply.
 * @example planExchange([{ type: 'delay', ms: 20 }, { type: 'delay', ms: 5 }]).delayMs; // 25
 */
export function planExchange(effects: readonly FaultEffect[]): ExchangePlan {
  let delayMs = 0;
  let stop: StopEffect | undefined;
  let bytesPerSecond: number | undefined;
  let resetAfterBytes: number | undefined;
  for (const effect of effects) {
    switch (effect.type) {
      case 'delay':
        delayMs += effect.ms;
        break;
      case 'throttle':
        bytesPerSecond = Math.min(bytesPerSecond ?? Number.POSITIVE_INFINITY, effect.bytesPerSecond);
        break;
      case 'reset':
        if (effect.phase === 'after-headers')
          resetAfterBytes = Math.min(resetAfterBytes ?? Number.POSITIVE_INFINITY, effect.afterBytes);
        else stop ??= effect;
        break;
      default:
        stop ??= effect;
    }
  }
  return { delayMs, stop, bytesPerSecond, resetAfterBytes };
}
