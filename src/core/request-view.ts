/** A read-only view of a request that inspection and decisions work on; free of transport types. */
export interface RequestView {
  readonly id: string;
  readonly method: string;
  /** Request target as received: path and query. */
  readonly target: string;
  readonly path: string;
  /** Raw query string without the `?`, empty when absent. */
  readonly query: string;
  readonly host: string;
  /** Lower-cased header names, in arrival order; repeated headers appear more than once. */
  readonly headers: readonly (readonly [string, string])[];
  readonly httpVersion: string;
  readonly protocol: 'http' | 'https';
  /** First bytes of the body when it was buffered for inspection. */
  readonly body?: Uint8Array;
  /** True when `body` holds only the first bytes of a longer body (it may end inside an escape). */
  readonly bodyCut?: boolean;
}
