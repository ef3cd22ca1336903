import type { BreakerState } from './circuit-breaker.js';

/** What one model of the chain has done since start. */
export interface ModelStats {
  readonly provider: string;
  readonly model: string;
  /** Calls sent to the provider. */
  readonly calls: number;
  /** Calls whose answer was accepted. */
  readonly successes: number;
  /** Calls that failed at the provider (timeout, network, HTTP error, malformed body). */
  readonly failures: number;
  /** Calls answered with something the validation refused. */
  readonly invalidOutputs: number;
  /** Turns passed over because the breaker was open or the provider disabled. */
  readonly skipped: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** USD, from the tokens and the model's prices. */
  readonly costUsd: number;
  readonly breaker: BreakerState;
  /** The last failure, scrubbed of keys. */
  readonly lastFailure?: string;
}

/** One provider's standing. */
export interface ProviderStats {
  readonly name: string;
  readonly kind: string;
  readonly consecutiveFailures: number;
  readonly disabled: boolean;
  /** Why it was disabled, until `enableProvider` is called. */
  readonly disabledReason?: string;
  /** Epoch milliseconds. */
  readonly disabledAt?: number;
}

/** A snapshot of the model chain: per model, per provider and in total. */
export interface LlmStats {
  readonly models: readonly ModelStats[];
  readonly providers: readonly ProviderStats[];
  readonly totals: {
    readonly calls: number;
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly costUsd: number;
    /** Runs where no model gave an accepted answer. */
    readonly exhausted: number;
  };
}

/** USD for the tokens at the prices per 1,000, rounded to a millionth of a dollar. */
export function costOf(inputTokens: number, outputTokens: number, inPer1k: number, outPer1k: number): number {
  return Math.round(((inputTokens * inPer1k) / 1000 + (outputTokens * outPer1k) / 1000) * 1e6) / 1e6;
}
