import {
  AckPolicy,
  DiscardPolicy,
  JetStreamApiError,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
  StorageType,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { InfinisecError } from '../../core/index.js';

/** Where the event stream lives. */
export interface NatsOptions {
  /** `nats://[user:password@]host:4222`, or `tls://`. */
  readonly url: string;
  /** The JetStream stream of events; dead letters go to `<stream>_DEAD`. */
  readonly stream: string;
  /** The subject events are published on; dead letters on `<subject>.dead`. */
  readonly subject: string;
  /** The durable consumer that stores events. */
  readonly consumer: string;
  /** Deliveries of a message before it is a dead letter. */
  readonly maxDeliver: number;
  /** How long JetStream remembers a message id to drop a second publish of it. */
  readonly duplicateWindowMs: number;
  /** Shown in the server's connection list. */
  readonly name?: string;
}

/** A connection with the streams in place. */
export interface NatsBus {
  readonly connection: NatsConnection;
  readonly js: JetStreamClient;
  readonly jsm: JetStreamManager;
  readonly options: NatsOptions;
  /** The dead-letter stream and subject. */
  readonly dead: { readonly stream: string; readonly subject: string };
  /** Whether the connection is up now (it reconnects on its own). */
  readonly connected: boolean;
  /** Drains and closes; later calls do nothing. */
  close(): Promise<void>;
}

const CONNECT_TIMEOUT_MS = 10_000;
// Messages a consumer may have delivered and not yet acknowledged.
const MAX_ACK_PENDING = 20_000;
// How long a delivered message may wait for its acknowledgement before it is delivered again.
const ACK_WAIT_MS = 30_000;

function failure(message: string, cause?: unknown): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_STORE', 'store.nats', message, { cause });
}

/** The URL without its credentials, for messages. */
function shown(url: string): string {
  try {
    const parsed = new URL(url.replace(/^(nats|tls):/, 'http:'));
    return parsed.host;
  } catch {
    return 'the server';
  }
}

/**
 * Connects to NATS (reconnecting for ever once connected) and makes sure the event stream, its dead-letter
 * stream and the durable consumer exist, with duplicate detection over `duplicateWindowMs`.
 * Throws INFINISEC_ERR_STORE, without credentials, when the server cannot be reached or has no JetStream.
 * @example const bus = await openNats({ url: 'nats://127.0.0.1:4222', stream: 'INFINISEC_EVENTS', … });
 */
export async function openNats(options: NatsOptions): Promise<NatsBus> {
  let connection: NatsConnection;
  let connected = true;
  try {
    connection = await connect({
      servers: options.url,
      name: options.name ?? 'infinisec',
      timeout: CONNECT_TIMEOUT_MS,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      waitOnFirstConnect: false,
    });
  } catch (err) {
    throw failure(`cannot connect to ${shown(options.url)}: ${(err as Error).message}`, err);
  }
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect') connected = false;
      else if (status.type === 'reconnect') connected = true;
    }
  })();
  const dead = { stream: `${options.stream}_DEAD`, subject: `${options.subject}.dead` };
  try {
    const jsm = await jetstreamManager(connection, { timeout: CONNECT_TIMEOUT_MS });
    await ensureStream(jsm, options.stream, options.subject, options.duplicateWindowMs);
    await ensureStream(jsm, dead.stream, dead.subject, options.duplicateWindowMs);
    await ensureConsumer(jsm, options);
    const js = jetstream(connection);
    let closing: Promise<void> | undefined;
    return {
      connection,
      js,
      jsm,
      options,
      dead,
      get connected() {
        return connected && !connection.isClosed();
      },
      close() {
        closing ??= connection.drain().catch(() => connection.close());
        return closing;
      },
    };
  } catch (err) {
    await connection.close();
    throw failure(`cannot set up the event stream on ${shown(options.url)}: ${(err as Error).message}`, err);
  }
}

async function ensureStream(jsm: JetStreamManager, name: string, subject: string, windowMs: number) {
  const config = {
    subjects: [subject],
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    duplicate_window: nanos(windowMs),
  };
  try {
    await jsm.streams.info(name);
    await jsm.streams.update(name, config);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    await jsm.streams.add({ name, ...config });
  }
}

async function ensureConsumer(jsm: JetStreamManager, options: NatsOptions) {
  const config = {
    ack_policy: AckPolicy.Explicit,
    ack_wait: nanos(ACK_WAIT_MS),
    max_ack_pending: MAX_ACK_PENDING,
    filter_subject: options.subject,
  };
  try {
    await jsm.consumers.info(options.stream, options.consumer);
    await jsm.consumers.update(options.stream, options.consumer, config);
  } catch (err) {
    if (!isNotFound(err)) throw err;
    await jsm.consumers.add(options.stream, { durable_name: options.consumer, ...config });
  }
}

function isNotFound(err: unknown): boolean {
  return err instanceof JetStreamApiError && err.status === 404;
}
