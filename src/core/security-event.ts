import type { ClientIdentity } from './client.js';
import type { Verdict } from './verdict.js';

/** Summary of a request as it arrived. */
export interface RequestSummary {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  /** Bytes of the request body received (what was read, not what was declared). */
  readonly bodyBytes: number;
  readonly headerBytes: number;
}

/** How the gateway answered. */
export interface ResponseSummary {
  readonly status: number;
  readonly bytes: number;
  /** Time to the upstream's response headers, or null when it was not asked. */
  readonly upstreamMs: number | null;
  /** `upstream` when the upstream answered, `gateway` when the gateway did. */
  readonly origin: 'upstream' | 'gateway';
  /** Set when the exchange ended badly: `client-aborted`, `upstream-unreachable`, ... */
  readonly error?: string;
}

/** One per request: what came, who sent it, what was judged and what was answered. */
export interface SecurityEvent {
  readonly id: string;
  /** Epoch milliseconds when the request arrived. */
  readonly time: number;
  readonly requestId: string;
  readonly site: string;
  readonly client: ClientIdentity;
  readonly request: RequestSummary;
  readonly verdict: Verdict;
  readonly response: ResponseSummary;
  readonly timings: {
    readonly totalMs: number;
    readonly inspectMs: number;
  };
  /** Inspection limits the request ran into (`body-bytes`, `args`, `depth`, `budget`). */
  readonly inspectLimits?: readonly string[];
  readonly labyrinthSession?: string;
}
