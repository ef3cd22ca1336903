import type { CircuitBreakerOptions } from './circuit-breaker.js';
import type { ModelEntry } from './model-entry.js';
import type { LlmProviderOptions } from './provider-options.js';

/** How the analyst reaches its models and how much of the data it sends them. */
export interface LlmAnalystOptions {
  /** The chat APIs, by name. Default none: every answer then comes from the rules. */
  readonly providers?: readonly LlmProviderOptions[];
  /** The model chain, tried in order; each names a provider. Default none. */
  readonly models?: readonly ModelEntry[];
  /** Per model: consecutive failures that open its breaker (default 3) and the cool-down (default 60,000 ms). */
  readonly breaker?: CircuitBreakerOptions;
  /** Consecutive failed calls that disable a provider until `enableProvider`. Default 10. */
  readonly disableAfter?: number;
  /** Characters kept of each untrusted string (path, user agent, evidence). Default 300. */
  readonly maxFieldChars?: number;
  /** Characters of a whole data block sent with one request. Default 12,000. */
  readonly maxDataChars?: number;
  /** Sample events sent with an incident, at most. Default 20. */
  readonly maxSampleEvents?: number;
  /** Categories a query may name beyond the built-in analyzers and `canary` (custom analyzers). Default none. */
  readonly extraCategories?: readonly string[];
}
