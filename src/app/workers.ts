import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { MetricObjectWithValues, MetricValue } from 'prom-client';
import { loadConfig } from '../config/index.js';
import type { SecurityEvent } from '../core/index.js';
import type { ListenerAddress } from '../gateway/index.js';
import type { EventSink } from '../store/index.js';
import { type Infinisec, type StartOptions, startInfinisec } from './start-infinisec.js';

type Metrics = MetricObjectWithValues<MetricValue<string>>[];

/** What a worker tells its primary. */
type FromWorker =
  | { readonly t: 'infinisec:listening'; readonly addresses: ListenerAddress[] }
  | { readonly t: 'infinisec:events'; readonly events: SecurityEvent[] }
  | { readonly t: 'infinisec:metrics'; readonly id: number; readonly metrics: Metrics };

/** What a primary asks of a worker. */
type ToWorker = { readonly t: 'infinisec:metrics'; readonly id: number } | { readonly t: 'infinisec:stop' };

/** How many gateway workers `server.workers` asks for on this host. */
export function workerCount(setting: 'auto' | number): number {
  return setting === 'auto' ? availableParallelism() : setting;
}

/** The primary of a host's workers: the control plane and event storage, supervising the workers. */
export interface Primary {
  readonly running: Infinisec;
  /** Resolves with the first worker's listeners, once it listens. */
  readonly listening: Promise<ListenerAddress[]>;
  /** Stops the workers (each drains its requests), then the primary. */
  stop(): Promise<void>;
}

const FIRST_RESTART_MS = 1000;
const MAX_RESTART_MS = 30_000;
// A worker that ran this long before it died starts again without waiting.
const STABLE_MS = 60_000;
const METRICS_TIMEOUT_MS = 2000;

/**
 * Starts the primary (no data-plane listener: the control plane, and the storage of what workers send) and
 * forks `count` workers that share the gateway's listeners. A worker that dies is started again, after a
 * pause that doubles up to 30 s while it keeps dying young. Decisions and rate limits are shared through Redis,
 * which the configuration must name (checked when it is validated).
 */
export async function startPrimary(options: StartOptions, count: number): Promise<Primary> {
  const listening = new Set<Worker>();
  const pendingMetrics = new Map<number, { want: number; got: Metrics[]; done: (all: Metrics[]) => void }>();
  let nextId = 0;
  let stopping = false;
  let announce: (addresses: ListenerAddress[]) => void = () => {};
  const announced = new Promise<ListenerAddress[]>((resolve) => {
    announce = resolve;
  });

  const running = await startInfinisec({
    ...options,
    process: 'primary',
    workers: {
      listening: () => listening.size,
      metrics() {
        const workers = [...listening];
        if (workers.length === 0) return Promise.resolve([]);
        const id = nextId++;
        return new Promise<Metrics[]>((resolve) => {
          const timer = setTimeout(() => finish(pendingMetrics.get(id)?.got ?? []), METRICS_TIMEOUT_MS);
          const finish = (all: Metrics[]) => {
            clearTimeout(timer);
            pendingMetrics.delete(id);
            resolve(all);
          };
          pendingMetrics.set(id, { want: workers.length, got: [], done: finish });
          for (const worker of workers) worker.send({ t: 'infinisec:metrics', id } satisfies ToWorker);
        });
      },
    },
  });

  const hear = (worker: Worker, message: FromWorker) => {
    if (message.t === 'infinisec:listening') {
      listening.add(worker);
      announce(message.addresses);
    } else if (message.t === 'infinisec:events') {
      for (const event of message.events) running.bus.publish('security.event', event);
    } else if (message.t === 'infinisec:metrics') {
      const pending = pendingMetrics.get(message.id);
      if (pending === undefined) return;
      pending.got.push(message.metrics);
      if (pending.got.length >= pending.want) pending.done(pending.got);
    }
  };

  const fork = (delayMs: number) => {
    const worker = cluster.fork();
    const born = Date.now();
    worker.on('message', (message: FromWorker) => hear(worker, message));
    worker.on('exit', (code, signal) => {
      listening.delete(worker);
      if (stopping) return;
      const lived = Date.now() - born;
      const wait = lived >= STABLE_MS ? 0 : Math.min(MAX_RESTART_MS, Math.max(FIRST_RESTART_MS, delayMs * 2));
      running.log.error({ worker: worker.id, code, signal, restartInMs: wait }, 'workers: a worker died');
      setTimeout(() => {
        if (!stopping) fork(wait);
      }, wait).unref();
    });
  };
  for (let i = 0; i < count; i++) fork(0);

  let stopped: Promise<void> | undefined;
  return {
    running,
    listening: announced,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
        await Promise.all(
          workers.map(
            (worker) =>
              new Promise<void>((resolve) => {
                if (worker.isDead()) return resolve();
                const timer = setTimeout(() => worker.kill('SIGKILL'), 30_000);
                worker.once('exit', () => {
                  clearTimeout(timer);
                  resolve();
                });
                worker.send({ t: 'infinisec:stop' } satisfies ToWorker);
              }),
          ),
        );
        await running.stop();
      })();
      return stopped;
    },
  };
}

/** Sends a worker's events to its primary, which stores them (when there is no NATS event stream). */
function primarySink(): EventSink {
  return {
    append(events) {
      return new Promise<void>((resolve, reject) => {
        const message: FromWorker = { t: 'infinisec:events', events: [...events] };
        process.send!(message, undefined, {}, (err) => (err ? reject(err) : resolve()));
      });
    },
  };
}

/**
 * Runs one gateway worker: the data plane, no control listener, its events sent to the primary (or to NATS);
 * it stops when the primary asks, or when the primary is gone.
 */
export async function runWorker(options: StartOptions): Promise<void> {
  const running = await startInfinisec({ ...options, process: 'worker', eventSink: primarySink() });
  const send = (message: FromWorker) => {
    if (process.connected) process.send?.(message);
  };
  send({ t: 'infinisec:listening', addresses: [...running.gateway] });
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('message', hear);
      void running.stop().then(() => {
        // The channel to the primary would keep the process alive.
        if (process.connected) process.disconnect();
        resolve();
      });
    };
    const hear = (message: ToWorker) => {
      if (message.t === 'infinisec:stop') stop();
      else if (message.t === 'infinisec:metrics')
        void running.registry
          .getMetricsAsJSON()
          .then((metrics) => send({ t: 'infinisec:metrics', id: message.id, metrics }));
    };
    process.on('message', hear);
    process.once('disconnect', stop);
    // The primary handles the signals: a terminal's Ctrl-C reaches every process of the group.
    process.on('SIGINT', () => {});
    process.on('SIGTERM', () => {});
  });
}

/** The number of workers the configuration asks for (`server.workers`); throws on a bad configuration, as a start would. */
export async function configuredWorkers(options: StartOptions): Promise<number> {
  const config = await loadConfig({
    ...(options.configFile ? { file: options.configFile } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
  return workerCount(config.server.workers);
}
