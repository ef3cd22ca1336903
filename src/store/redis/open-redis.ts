import { Redis } from 'ioredis';
import { InfinisecError } from '../../core/index.js';

/** Where to reach Redis, and the prefix of every key this process writes there. */
export interface RedisOptions {
  /** `redis://[:password@]host:6379[/db]`, or `rediss://` for TLS. */
  readonly url: string;
  /** Prepended to every key and channel; `infinisec:` by default. */
  readonly prefix?: string;
}

/** A connected Redis client whose commands all work under one key prefix. */
export interface RedisDatabase {
  /** The client; its `keyPrefix` is `prefix`, which channels (not keys) must add themselves. */
  readonly redis: Redis;
  readonly prefix: string;
  /** Quits the client and waits for the connection to end; later calls do nothing. */
  close(): Promise<void>;
}

const DEFAULT_PREFIX = 'infinisec:';
const CONNECT_TIMEOUT_MS = 10_000;

function failure(message: string, cause?: unknown): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_STORE', 'store.redis', message, { cause });
}

function parsedUrl(url: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  // The URL is not echoed: it may hold the password.
  if (parsed === undefined || !['redis:', 'rediss:'].includes(parsed.protocol))
    throw failure('the url is not a redis:// or rediss:// URL');
  return parsed;
}

function masked(text: string, url: URL): string {
  if (url.password === '') return text;
  let decoded = url.password;
  try {
    decoded = decodeURIComponent(url.password);
  } catch {}
  return [url.password, decoded].reduce((out, secret) => out.replaceAll(secret, '***'), text);
}

/**
 * Connects to Redis with every key under `prefix` (default `infinisec:`). Throws INFINISEC_ERR_STORE, without
 * the password, when the server cannot be reached or refuses the credentials.
 * @example const db = await openRedis({ url: 'redis://cache:6379/0' });
 */
export async function openRedis(options: RedisOptions): Promise<RedisDatabase> {
  const url = parsedUrl(options.url);
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const redis = new Redis(options.url, {
    keyPrefix: prefix,
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
  });
  // Once connected, a broken connection is retried by the client and commands fail meanwhile; unheard, the
  // error event would only be logged by ioredis.
  redis.on('error', () => {});
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    const error = err as { message?: string; code?: string };
    const reason = masked(error.message || error.code || String(err), url);
    throw failure(`cannot open ${url.host}${url.pathname}: ${reason}`, err);
  }
  let closed: Promise<void> | undefined;
  return {
    redis,
    prefix,
    close() {
      // quit() resolves on the server's OK, before the socket is gone; `end` is when it is.
      closed ??= new Promise<void>((resolve) => {
        if (redis.status === 'end') return resolve();
        redis.once('end', () => resolve());
        redis.quit().catch(() => redis.disconnect());
      });
      return closed;
    },
  };
}
