import { Gauge, type Registry } from 'prom-client';
import type { Config } from '../config/index.js';
import type { StreamStats } from '../control/index.js';
import type { EventBus, IntruderSession, Log, SecurityEvent, Topics } from '../core/index.js';
import {
  consumeNatsEvents,
  createEventWriter,
  type EventConsumer,
  type EventSink,
  type EventWriter,
  type IntruderSessionStore,
  type NatsBus,
  publishNatsEvents,
} from '../store/index.js';
import type { Stores } from './open-stores.js';

/** Event storage running: the writer, retention and the intruder sessions written behind. */
export interface Storage {
  readonly writer: EventWriter | undefined;
  /** The consumer storing the cluster's event stream, in a process that stores events from NATS. */
  readonly consumer: EventConsumer | undefined;
  /** Writes what is queued and stops the timers. */
  close(): Promise<void>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// How often intruder sessions changed in memory are written to the store.
const SESSIONS_EVERY_MS = 5000;

/** Where this process's events go in a cluster. */
export interface EventRouting {
  /** The event stream this process publishes its events to (a gateway)… */
  readonly publish?: NatsBus;
  /** Or another sink for them (a worker's: its primary); the event store when neither is given. */
  readonly sink?: EventSink;
  /** …and the one it stores in the event store (a control process). */
  readonly consume?: NatsBus;
  /** Hears events stored from the stream (for the live feed of a process that serves no traffic). */
  readonly onConsumed?: (events: readonly SecurityEvent[]) => void;
  /** Applied to each event before it is written or published (address truncation). */
  readonly transform?: (event: SecurityEvent) => SecurityEvent;
}

/**
 * Events per write when the config names no number. SQLite writes in the gateway's thread: a batch of 25
 * holds requests up for well under a millisecond. A network store is written asynchronously, and fewer
 * round trips are cheaper.
 */
const defaultBatchSize = (driver: Config['store']['driver']): number => (driver === 'postgres' ? 200 : 25);

/**
 * Wires event storage: every security event goes to a bounded queue written in batches off the request path
 * — to the event store, or to the NATS event stream in a cluster; what is dropped or failed is counted in
 * metrics. A batch that PostgreSQL or NATS refuses is kept and tried again (within `store.events.maxQueue`).
 * A process that consumes the stream stores it. Old events, sessions and refresh tokens are pruned hourly.
 * Intruder sessions live in `live` (memory) and are written behind to the store every few seconds.
 */
export function startStorage(
  config: Config,
  stores: Stores,
  live: IntruderSessionStore,
  bus: EventBus<Topics>,
  registry: Registry,
  log: Log,
  routing: EventRouting = {},
): Storage {
  const events = config.store.events;
  const batchSize = events.batchSize ?? defaultBatchSize(config.store.driver);
  let lostLogged = 0;
  const sink: EventSink = routing.publish
    ? publishNatsEvents(routing.publish)
    : (routing.sink ?? stores.events);
  // A process that only stores the stream writes nothing of its own: what its bus carries came from there.
  const writes = events.enabled && (routing.publish !== undefined || routing.consume === undefined);
  const writer = writes
    ? createEventWriter(sink, {
        batchSize,
        flushMs: events.flushMs,
        maxQueue: events.maxQueue,
        // A network store comes back; the embedded ones fail for reasons a retry does not mend.
        retry: routing.publish !== undefined || config.store.driver === 'postgres',
        onError(err, lost) {
          // One line per minute at most: a store that is down must not flood the log.
          if (Date.now() - lostLogged < 60_000) return;
          lostLogged = Date.now();
          log.error(
            { err, lost },
            lost === 0
              ? 'store: events cannot be written now; kept in memory and tried again'
              : 'store: events cannot be written; the gateway keeps serving',
          );
        },
      })
    : undefined;
  const transform = routing.transform ?? ((event: SecurityEvent) => event);
  const unsubscribe = writer
    ? bus.subscribe('security.event', (event) => void writer.push(transform(event)))
    : () => {};
  registerWriterMetrics(registry, writer);
  let consumeLogged = 0;
  const consumer = routing.consume
    ? consumeNatsEvents(routing.consume, stores.events, {
        batchSize,
        ...(routing.onConsumed ? { onEvents: routing.onConsumed } : {}),
        onError(err, what) {
          if (Date.now() - consumeLogged < 60_000) return;
          consumeLogged = Date.now();
          log.error({ err }, `store: ${what}`);
        },
      })
    : undefined;
  registerConsumerMetrics(registry, consumer);

  const dirty = new Map<string, IntruderSession>();
  const offSessions =
    stores.intruders === live
      ? () => {}
      : bus.subscribe('labyrinth.session', (session) => {
          dirty.set(session.id, session);
        });
  const writeSessions = async () => {
    const batch = [...dirty.values()];
    dirty.clear();
    for (const session of batch) await stores.intruders.put(session);
  };
  const sessionTimer = setInterval(() => {
    writeSessions().catch((err: unknown) => log.warn({ err }, 'store: intruder sessions cannot be written'));
  }, SESSIONS_EVERY_MS);
  sessionTimer.unref();

  const prune = async () => {
    const now = Date.now();
    const removed = await stores.events.prune(now - events.retentionDays * DAY);
    await stores.refreshTokens.prune(now);
    if (removed > 0) log.info({ removed }, 'store: old events pruned');
  };
  const pruneNow = () => prune().catch((err: unknown) => log.warn({ err }, 'store: pruning failed'));
  void pruneNow();
  const pruneTimer = setInterval(pruneNow, HOUR);
  pruneTimer.unref();

  return {
    writer,
    consumer,
    async close() {
      clearInterval(sessionTimer);
      clearInterval(pruneTimer);
      unsubscribe();
      offSessions();
      await writer?.close();
      await consumer?.stop();
      await writeSessions().catch((err: unknown) =>
        log.warn({ err }, 'store: intruder sessions cannot be written'),
      );
    },
  };
}

function registerWriterMetrics(registry: Registry, writer: EventWriter | undefined): void {
  const stat = (name: string, help: string, read: (w: EventWriter) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(writer ? read(writer) : 0);
      },
    });
  stat('infinisec_events_stored_total', 'Events written to the store.', (w) => w.stats.written);
  stat(
    'infinisec_events_dropped_total',
    'Events dropped because the write queue was full.',
    (w) => w.stats.dropped,
  );
  stat(
    'infinisec_events_failed_total',
    'Events lost because the store refused a batch.',
    (w) => w.stats.failed,
  );
  stat('infinisec_events_queued', 'Events waiting to be written.', (w) => w.stats.queued);
  stat(
    'infinisec_events_retried_total',
    'Batches refused by the store or the event stream and kept to be tried again.',
    (w) => w.stats.retried,
  );
}

function registerConsumerMetrics(registry: Registry, consumer: EventConsumer | undefined): void {
  if (consumer === undefined) return;
  const stat = (name: string, help: string, read: (c: EventConsumer) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(consumer));
      },
    });
  stat(
    'infinisec_events_consumed_total',
    'Events stored from the cluster event stream.',
    (c) => c.stats.stored,
  );
  stat(
    'infinisec_events_dead_total',
    'Events of the stream sent to the dead-letter subject.',
    (c) => c.stats.dead,
  );
}

/** Gauges of the live stream: clients connected, events sent, slow clients dropped. */
export function registerStreamMetrics(registry: Registry, stats: () => StreamStats): void {
  const gauge = (name: string, help: string, read: (s: StreamStats) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(stats()));
      },
    });
  gauge('infinisec_stream_clients', 'Live-stream clients connected.', (s) => s.clients);
  gauge('infinisec_stream_sent_total', 'Events sent to live-stream clients.', (s) => s.sent);
  gauge(
    'infinisec_stream_dropped_total',
    'Live-stream clients dropped for falling behind.',
    (s) => s.dropped,
  );
}
