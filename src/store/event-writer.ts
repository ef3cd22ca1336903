import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SecurityEvent } from '../core/index.js';
import type { EventSink } from './event-store.js';

/** How an event writer batches. */
export interface EventWriterOptions {
  /** Events per append; a full batch is written at once. Default 500. */
  readonly batchSize?: number;
  /** How long the first queued event of a partial batch waits. Default 200 ms. */
  readonly flushMs?: number;
  /** Events held at most; past it `push` drops. Default 100,000. */
  readonly maxQueue?: number;
  /**
   * Keep a batch whose append failed and try it again, after 250 ms doubling to 5 s, instead of losing it; the
   * queue still holds at most `maxQueue` events. Once closing, a failed batch is lost. For a sink that is
   * idempotent by event id (every adapter here), so that a batch taken but not acknowledged is not doubled.
   */
  readonly retry?: boolean;
  /** Told of every failed append: how many events it lost (0 when the batch is kept to be tried again). */
  readonly onError?: (err: unknown, lost: number) => void;
}

/** What the writer has done with the events it was given. */
export interface EventWriterStats {
  /** Waiting to be written. */
  readonly queued: number;
  readonly written: number;
  /** Refused by `push`: the queue was full or the writer closed. */
  readonly dropped: number;
  /** Lost in appends that failed. */
  readonly failed: number;
  /** Appends that failed and were tried again. */
  readonly retried: number;
  /** Whether the last append failed (the sink is unreachable, the writer waiting to try again). */
  readonly failing: boolean;
}

/** Queues events for an event sink and writes them in batches, away from the request path. */
export interface EventWriter {
  /** Queues the event: synchronous, constant time, never throws; false when it was dropped. */
  push(event: SecurityEvent): boolean;
  /** Resolves once every event queued before the call is written (or counted as failed). */
  flush(): Promise<void>;
  /** Flushes (one last try per batch when retrying), then stops; later pushes are dropped. Does not close the sink. */
  close(): Promise<void>;
  readonly stats: EventWriterStats;
}

const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5000;

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new TypeError(`store.event-writer: ${name} must be a positive integer, not ${value}`);
  return value;
}

/**
 * Writes events to the sink in batches, one append at a time: a batch starts when `batchSize` events are
 * queued or `flushMs` after the first. A failed append loses its batch (or, with `retry`, keeps it at the head
 * of the queue and waits before trying again), is reported to `onError` and counted; the writer goes on, so a
 * store that is down never breaks the gateway. Its timers never keep the process up.
 * @example
 * const writer = createEventWriter(store, { onError: (err, lost) => log.warn({ err, lost }, 'events lost') });
 * writer.push(event);
 */
export function createEventWriter(sink: EventSink, options: EventWriterOptions = {}): EventWriter {
  const batchSize = positiveInteger('batchSize', options.batchSize, 500);
  const flushMs = positiveInteger('flushMs', options.flushMs, 200);
  const maxQueue = positiveInteger('maxQueue', options.maxQueue, 100_000);
  // The queue as batches, so that taking one is a shift over a few hundred arrays, not over every event.
  const batches: SecurityEvent[][] = [];
  const stats = { queued: 0, written: 0, dropped: 0, failed: 0, retried: 0, failing: false };
  let backoffMs = 0;
  let accepted = 0;
  let writing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const done = () => stats.written + stats.failed;

  // Whether the batch is done with (written or lost); false when it went back to the queue.
  async function write(batch: SecurityEvent[]): Promise<boolean> {
    try {
      await sink.append(batch);
      stats.written += batch.length;
      stats.failing = false;
      backoffMs = 0;
      return true;
    } catch (err) {
      stats.failing = true;
      const keep = options.retry === true && !closed;
      if (keep) {
        batches.unshift(batch);
        stats.queued += batch.length;
        stats.retried++;
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs === 0 ? FIRST_BACKOFF_MS : backoffMs * 2);
      } else stats.failed += batch.length;
      try {
        options.onError?.(err, keep ? 0 : batch.length);
      } catch {
        // A throwing error handler must not stop the writer; there is nowhere left to report it.
      }
      return !keep;
    }
  }

  // Writes full batches, or everything when `all`; gives the event loop a turn before each, so that a
  // synchronous store never runs inside `push` or holds requests up for a whole backlog.
  async function drain(all: boolean): Promise<void> {
    while (stats.queued > 0 && (all || stats.queued >= batchSize)) {
      await nextTurn();
      const batch = batches.shift()!;
      stats.queued -= batch.length;
      if (!(await write(batch))) return;
    }
  }

  function start(all: boolean): void {
    clearTimeout(timer);
    timer = undefined;
    writing = drain(all).finally(() => {
      writing = undefined;
      schedule();
    });
  }

  function schedule(): void {
    if (writing !== undefined || stats.queued === 0) return;
    if (backoffMs > 0 && !closed) timer ??= setTimeout(() => start(true), backoffMs).unref();
    else if (stats.queued >= batchSize) start(false);
    else timer ??= setTimeout(() => start(true), flushMs).unref();
  }

  async function flush(): Promise<void> {
    const target = accepted;
    while (done() < target) {
      if (writing === undefined) {
        // While the sink is failing, a flush waits for the next try rather than hammering it.
        if (backoffMs > 0 && !closed) await new Promise((resolve) => setTimeout(resolve, backoffMs).unref());
        if (writing === undefined) start(true);
      }
      await writing;
    }
  }

  return {
    push(event) {
      if (closed || stats.queued >= maxQueue) {
        stats.dropped++;
        return false;
      }
      const tail = batches[batches.length - 1];
      if (tail === undefined || tail.length >= batchSize) batches.push([event]);
      else tail.push(event);
      stats.queued++;
      accepted++;
      schedule();
      return true;
    },
    flush,
    async close() {
      closed = true;
      await flush();
      clearTimeout(timer);
      timer = undefined;
    },
    get stats() {
      return { ...stats };
    },
  };
}
