import type { z } from 'zod';

/** What a fault does to one request it hits; the fault proxy carries it out. */
export type FaultEffect =
  /** Wait this long before the request goes on. */
  | { readonly type: 'delay'; readonly ms: number }
  /** Answer in the upstream's place. */
  | {
      readonly type: 'respond';
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
    }
  /** Reset the connection: before any answer, or after the headers and `afterBytes` bytes of the body. */
  | {
      readonly type: 'reset';
      readonly phase: 'before-headers' | 'after-headers';
      readonly afterBytes: number;
    }
  /** Send the response body at this many bytes a second. */
  | { readonly type: 'throttle'; readonly bytesPerSecond: number }
  /** Answer nothing: for `ms` (then close the connection), or until the fault is lifted or the client leaves. */
  | { readonly type: 'hold'; readonly ms: number | undefined }
  /** Close the connection without an answer. */
  | { readonly type: 'drop' };

/** One fault, as armed in the proxy. */
export interface Fault {
  /** The effect on the next request it hits, or undefined to let that one pass untouched. */
  hit(): FaultEffect | undefined;
}

/**
 * A kind of fault, registered by name: its options (validated by its own schema) and a factory. The factory
 * is called once per arming, so a fault that counts (drop the first N) counts afresh each time.
 */
export interface FaultKind<Schema extends z.ZodType = z.ZodType> {
  readonly type: string;
  /** What the kind does, for docs and `--help`. */
  readonly summary: string;
  readonly options: Schema;
  create(options: z.output<Schema>, random: () => number): Fault;
}

/** Declares a fault kind with its option types tied to its schema. */
export function defineFaultKind<Schema extends z.ZodType>(kind: FaultKind<Schema>): FaultKind<Schema> {
  return kind;
}
