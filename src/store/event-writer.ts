import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SecurityEvent } from '../core/index.js';
import type { EventStore } from './event-store.js';

/** How an event writer batches. */
export interface EventWriterOptions {
  /** Events per append; a full batch is written at once. Default 500. */
  readonly batchSize?: number;
  /** How long the first queued event of a partial batch waits. Default 200 ms. */
  readonly flushMs?: number;
  /** Events held at most; past it `push` drops. Default 100,000. */
  readonly maxQueue?: number;
  /** Told of every failed append and how many events it lost. */
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
}

/** Queues events for an EventStore and writes them in batches, away from the request path. */
export interface EventWriter {
  /** Queues the event: synchronous, constant time, never throws; false when it was dropped. */
  push(event: SecurityEvent): boolean;
  /** Resolves once every event queued before the call is written (or counted as failed). */
  flush(): Promise<void>;
  /** Flushes, then stops; later pushes are dropped. Does not close the store. */
  close(): Promise<void>;
  readonly stats: EventWriterStats;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new TypeError(`store.event-writer: ${name} must be a positive integer, not ${value}`);
  return value;
}

/**
 * Writes events to the store in batches, one append at a time: a batch starts when `batchSize` events are
 * queued or `flushMs` after the first. A failed append loses its batch, is reported to `onError` and counted;
 * the writer goes on, so a store that is down never breaks the gateway. Its timer never keeps the process up.
 * @example
 * const writer = createEventWriter(store, { onError: (err, lost) => log.warn({ err, lost }, 'events lost') });
 * writer.push(event);
 */
export function createEventWriter(store: EventStore, options: EventWriterOptions = {}): EventWriter {
  const batchSize = positiveInteger('batchSize', options.batchSize, 500);
  const flushMs = positiveInteger('flushMs', options.flushMs, 200);
  const maxQueue = positiveInteger('maxQueue', options.maxQueue, 100_000);
  // The queue as batches, so that taking one is a shift over a few hundred arrays, not over every event.
  const batches: SecurityEvent[][] = [];
  const stats = { queued: 0, written: 0, dropped: 0, failed: 0 };
  let accepted = 0;
  let writing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const done = () => stats.written + stats.failed;

  async function write(batch: SecurityEvent[]): Promise<void> {
    try {
      await store.append(batch);
      stats.written += batch.length;
    } catch (err) {
      stats.failed += batch.length;
      try {
        options.onError?.(err, batch.length);
      } catch {
        // A throwing error handler must not stop the writer; there is nowhere left to report it.
      }
    }
  }

  // Writes full batches, or everything when `all`; gives the event loop a turn before each, so that a
  // synchronous store never runs inside `push` or holds requests up for a whole backlog.
  async function drain(all: boolean): Promise<void> {
    while (stats.queued > 0 && (all || stats.queued >= batchSize)) {
      await nextTurn();
      const batch = batches.shift()!;
      stats.queued -= batch.length;
      await write(batch);
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
    if (stats.queued >= batchSize) start(false);
    else timer ??= setTimeout(() => start(true), flushMs).unref();
  }

  async function flush(): Promise<void> {
    const target = accepted;
    while (done() < target) {
      if (writing === undefined) start(true);
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
