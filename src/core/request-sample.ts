import type { Action } from './action.js';

/**
 * A recent request kept so that a change can be replayed against it before it applies. Secrets are redacted
 * when it is taken: credentials and cookies in headers, and the values of sensitive-looking fields (password,
 * token, secret, key...) in the query and in form or JSON bodies.
 */
export interface RequestSample {
  /** The id of the request's security event. */
  readonly id: string;
  /** Epoch milliseconds when the request arrived. */
  readonly time: number;
  readonly site: string;
  /** The client address as the gateway identified it. */
  readonly ip: string;
  readonly method: string;
  /** Path and query, sensitive values redacted. */
  readonly target: string;
  readonly host: string;
  /** Lower-cased header names in arrival order, sensitive values redacted. */
  readonly headers: readonly (readonly [string, string])[];
  readonly httpVersion: string;
  readonly protocol: 'http' | 'https';
  /** The first bytes of the body as base64 (redacted where its type is understood), or null when none. */
  readonly body: string | null;
  /** What the gateway did with it. */
  readonly action: Action;
}
