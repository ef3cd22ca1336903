import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import { headers } from '@nats-io/nats-core';
import type { SecurityEvent } from '../../core/index.js';
import type { EventSink } from '../event-store.js';
import type { NatsBus } from './open-nats.js';

/** What the consumer has done so far. */
export interface EventConsumerStats {
  /** Events written to the sink and acknowledged. */
  readonly stored: number;
  /** Messages sent to the dead-letter subject. */
  readonly dead: number;
  /** Batches the sink refused; their messages come again. */
  readonly refused: number;
  /** Whether the last fetch or write failed. */
  readonly failing: boolean;
}

/** A running consumer of the event stream. */
export interface EventConsumer {
  readonly stats: EventConsumerStats;
  /** Stops fetching and waits for the batch in hand to be written and acknowledged. */
  stop(): Promise<void>;
}

/** How the consumer works. */
export interface EventConsumerOptions {
  /** Messages fetched and written at once. Default 500. */
  readonly batchSize?: number;
  /** Hears every batch once it is stored (a redelivered event may be heard twice). */
  readonly onEvents?: (events: readonly SecurityEvent[]) => void;
  /** Told of failures: fetches, refused batches, dead letters. */
  readonly onError?: (err: unknown, what: string) => void;
}

const IDLE_CHECK_MS = 1000;
// The store took a batch this recently: it is up, and a message it refuses is refused for itself.
const STORE_UP_MS = 30_000;
const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 5000;

function isEvent(value: unknown): value is SecurityEvent {
  const v = value as SecurityEvent | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.time === 'number';
}

/**
 * Stores the event stream: pulls from the durable consumer, writes what arrived in batches to the sink (which
 * skips ids it has, so a redelivered event is stored once), then acknowledges it. A batch the sink refuses is
 * not acknowledged and comes again later. A message the sink refuses after `maxDeliver` deliveries while it
 * takes others, or that is not an event, is copied to the dead-letter subject with the reason and terminated;
 * while the sink refuses everything (the store is down) messages wait in the stream instead.
 * @example const consumer = consumeNatsEvents(bus, stores.events, { onError: (err) => log.warn({ err }) });
 */
export function consumeNatsEvents(
  bus: NatsBus,
  sink: EventSink,
  options: EventConsumerOptions = {},
): EventConsumer {
  const batchSize = options.batchSize ?? 500;
  const stats = { stored: 0, dead: 0, refused: 0, failing: false };
  const decoder = new TextDecoder();
  let stopped = false;
  let lastStoredAt = 0;
  let wake: (() => void) | undefined;
  const report = (err: unknown, what: string) => {
    try {
      options.onError?.(err, what);
    } catch {
      // A throwing handler must not stop the consumer.
    }
  };
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function bury(message: JsMsg, reason: string): Promise<void> {
    const h = headers();
    h.set('Infinisec-Dead-Reason', reason.slice(0, 200));
    h.set('Infinisec-Stream-Sequence', String(message.seq));
    await bus.js.publish(bus.dead.subject, message.data, {
      msgID: `${message.info.stream}:${message.seq}`,
      headers: h,
    });
    message.term(reason);
    stats.dead++;
  }

  // Writes events as one batch and acknowledges them; on refusal, each comes again later, or — when it has
  // been delivered `maxDeliver` times while the store took other events, so the store is up and refuses this
  // one — goes to the dead-letter subject. A store that is down refuses everything: then nothing is buried
  // (until a message has come back four times `maxDeliver`, a bound on how long it may block the stream).
  async function store(batch: readonly { event: SecurityEvent; message: JsMsg }[]): Promise<unknown> {
    const events = batch.map((b) => b.event);
    try {
      await sink.append(events);
    } catch (err) {
      stats.refused++;
      for (const { message } of batch) {
        const count = message.info.deliveryCount;
        const storeIsUp = Date.now() - lastStoredAt <= STORE_UP_MS;
        if ((count >= bus.options.maxDeliver && storeIsUp) || count >= bus.options.maxDeliver * 4)
          await bury(message, `not stored after ${count} deliveries: ${(err as Error).message ?? err}`);
        else message.nak(Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** count));
      }
      return err;
    }
    lastStoredAt = Date.now();
    for (const { message } of batch) message.ack();
    stats.stored += events.length;
    options.onEvents?.(events);
    return undefined;
  }

  async function handle(messages: JsMsg[]): Promise<void> {
    const fresh: { event: SecurityEvent; message: JsMsg }[] = [];
    const overdue: { event: SecurityEvent; message: JsMsg }[] = [];
    for (const message of messages) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(decoder.decode(message.data));
      } catch {
        parsed = undefined;
      }
      if (!isEvent(parsed)) await bury(message, 'not a security event');
      else if (message.info.deliveryCount >= bus.options.maxDeliver) overdue.push({ event: parsed, message });
      else fresh.push({ event: parsed, message });
    }
    // A message that keeps coming back is written alone, so that it cannot hold a batch of good ones back.
    let failure = fresh.length > 0 ? await store(fresh) : undefined;
    for (const one of overdue) failure = (await store([one])) ?? failure;
    if (failure !== undefined) {
      report(failure, 'the store refused events; they will come again');
      throw failure;
    }
  }

  // Messages arrive through a continuous pull (the client keeps asking, across reconnects) into `inbox`;
  // the loop writes them in batches of what has arrived, so one write may cover a burst.
  const inbox: JsMsg[] = [];
  let arrived: (() => void) | undefined;
  let messages: ConsumerMessages | undefined;

  const open = async (): Promise<ConsumerMessages> => {
    const consumer = await bus.js.consumers.get(bus.options.stream, bus.options.consumer);
    const opened = await consumer.consume({
      max_messages: batchSize * 2,
      callback: (message) => {
        inbox.push(message);
        arrived?.();
      },
    });
    // A pull that ends on its own (the consumer deleted, say) is opened again by the loop.
    void opened.closed().then(() => {
      if (messages === opened) messages = undefined;
    });
    return opened;
  };

  const loop = (async () => {
    let backoff = 0;
    while (!stopped) {
      try {
        messages ??= await open();
        if (inbox.length === 0) {
          // Wait for a message, or a second at most (to notice a consumer that closed).
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, IDLE_CHECK_MS);
            arrived = () => {
              clearTimeout(timer);
              resolve();
            };
            wake = arrived;
          });
          arrived = undefined;
          continue;
        }
        await handle(inbox.splice(0, batchSize));
        stats.failing = false;
        backoff = 0;
      } catch (err) {
        if (stopped) break;
        stats.failing = true;
        if (bus.connected) report(err, 'events cannot be fetched or stored');
        backoff = Math.min(MAX_BACKOFF_MS, backoff === 0 ? FIRST_BACKOFF_MS : backoff * 2);
        await pause(backoff);
      }
    }
  })();

  return {
    get stats() {
      return { ...stats };
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      await messages?.close();
      // What arrived and was not written is not acknowledged: the stream delivers it again later.
    },
  };
}
