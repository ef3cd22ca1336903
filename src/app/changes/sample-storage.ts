import type { EventBus, Log, RequestSample, Topics } from '../../core/index.js';
import type { RequestSampleStore } from '../../store/index.js';

/** What sample storage keeps and how often it writes. */
export interface SampleStorageOptions {
  /** Samples kept at most (read at each trim): the store is trimmed to the newest this many. */
  readonly max: () => number;
  /** Longest a sample waits before its batch is written (1 s). */
  readonly flushMs?: number;
  /** Samples held at most while the store is slow; more are dropped. */
  readonly maxQueue?: number;
  /** Applied to each sample before it is stored (address truncation). */
  readonly transform?: (sample: RequestSample) => RequestSample;
}

/** Sample storage while it runs. */
export interface SampleStorage {
  readonly stats: { readonly stored: number; readonly dropped: number; readonly failed: number };
  /** Writes what is queued. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

const BATCH = 200;
const TRIM_EVERY = 50;

/**
 * Keeps the request sample off the request path: samples from the bus are queued (bounded), written in batches,
 * and the store trimmed to the newest `max` now and then. A failing store loses that batch of samples, is
 * logged, and never reaches the gateway.
 */
export function startSampleStorage(
  bus: EventBus<Topics>,
  store: RequestSampleStore,
  log: Log,
  options: SampleStorageOptions,
): SampleStorage {
  const flushMs = options.flushMs ?? 1000;
  const maxQueue = options.maxQueue ?? 10_000;
  let queue: RequestSample[] = [];
  let writing: Promise<void> = Promise.resolve();
  let writes = 0;
  const stats = { stored: 0, dropped: 0, failed: 0 };
  const write = (batch: RequestSample[]) => {
    writing = writing.then(async () => {
      try {
        await store.add(batch);
        stats.stored += batch.length;
        if (++writes % TRIM_EVERY === 1) await store.trim(options.max());
      } catch (err) {
        stats.failed += batch.length;
        log.warn({ err, samples: batch.length }, 'samples: a batch could not be stored');
      }
    });
    return writing;
  };
  const flush = () => {
    if (queue.length === 0) return writing;
    const batch = queue;
    queue = [];
    return write(batch);
  };
  const unsubscribe = bus.subscribe('request.sampled', (sample) => {
    if (queue.length >= maxQueue) {
      stats.dropped++;
      return;
    }
    queue.push(options.transform ? options.transform(sample) : sample);
    if (queue.length >= BATCH) void flush();
  });
  const timer = setInterval(() => void flush(), flushMs);
  timer.unref();
  return {
    stats,
    flush,
    async close() {
      unsubscribe();
      clearInterval(timer);
      await flush();
      await store.trim(options.max()).catch(() => 0);
    },
  };
}
