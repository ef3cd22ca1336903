import type { Topics } from '../../core/index.js';

/** One message of a topic map, as an agent receives it: the topic names the payload's type. */
export type TopicMessage<T extends object = Topics, K extends keyof T = keyof T> = {
  [P in K]: { readonly topic: P; readonly payload: T[P] };
}[K];

/**
 * A brain agent: it hears the topics it names, one message at a time, off the publisher's call stack. An
 * exception from `handle`, `tick` or `start` is a crash: the supervisor restarts the agent (`stop`, then
 * `start`) after a backoff, and stops it for good after too many crashes in a row. Messages that arrive while
 * it restarts wait in its queue; the message it crashed on is not handed to it again.
 *
 * @example
 * const counter: Agent<Topics, 'security.event'> = {
 *   id: 'counter',
 *   topics: ['security.event'],
 *   handle: ({ payload }) => void seen.add(payload.id),
 * };
 */
export interface Agent<T extends object = Topics, K extends keyof T = keyof T> {
  /** Unique within a runtime; names its health, its logs and its memory. */
  readonly id: string;
  readonly topics: readonly K[];
  handle(message: TopicMessage<T, K>): void | Promise<void>;
  /**
   * Whether a message is worth queueing at all; run synchronously by the publisher, so it must be cheap (a
   * field or two). Without it every message of the agent's topics is queued.
   */
  accepts?(message: TopicMessage<T, K>): boolean;
  /** Runs before the first message and after every restart: load state here. */
  start?(): void | Promise<void>;
  /** Runs before a restart and when the runtime stops: save state here. */
  stop?(): void | Promise<void>;
  /** How often `tick` runs, in milliseconds; no tick without it. */
  readonly tickMs?: number;
  /** Periodic work (expiry, flushing), run between messages, never beside one. */
  tick?(now: number): void | Promise<void>;
}
