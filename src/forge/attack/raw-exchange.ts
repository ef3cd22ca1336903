import { connect as connectTcp, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connect as connectTls } from 'node:tls';
import { readChunked } from './chunked-body.js';
import { parseResponseHead, type ResponseHead } from './response-head.js';

/** Where requests go: an address already resolved (never looked up again), and TLS when the URL says so. */
export interface Endpoint {
  readonly address: string;
  readonly port: number;
  readonly tls?: { readonly servername: string; readonly verify: boolean };
}

/** How one exchange is bounded. */
export interface ExchangeOptions {
  /** The local address to send from (a simulated client), undefined: the system's choice. */
  readonly localAddress?: string | undefined;
  readonly timeoutMs: number;
  /** Body bytes kept; past them the exchange ends (`limit`). 64 KiB by default. */
  readonly maxBodyBytes?: number;
  /** True when the head alone tells what happened, so a slow body need not be waited for. */
  readonly stopAtHead?: (head: ResponseHead) => boolean;
}

/** Why an exchange ended. `closed`: the server hung up before a complete answer. */
export type Ending = 'complete' | 'head' | 'limit' | 'closed' | 'timeout' | 'error';

/** What came back. */
export interface Reply {
  readonly head: ResponseHead | undefined;
  /** The body received (de-chunked), at most `maxBodyBytes`. */
  readonly body: Buffer;
  readonly ending: Ending;
  /** From opening the connection to the end of the exchange. */
  readonly ms: number;
  /** The socket error, for `error` (e.g. ECONNREFUSED). */
  readonly errorCode?: string;
}

/** The bytes to send, or a function that writes them over time (a slow client). */
export type Talk = Buffer | ((socket: Socket) => void | Promise<void>);

const MAX_HEAD_BYTES = 65_536;

interface Framing {
  readonly body: Buffer;
  readonly done: boolean;
}

function frame(head: ResponseHead, raw: Buffer): Framing {
  if (head.status === 204 || head.status === 304) return { body: Buffer.alloc(0), done: true };
  if (/\bchunked\b/i.test(head.headers['transfer-encoding'] ?? '')) return readChunked(raw);
  const length = head.headers['content-length'];
  if (length !== undefined && /^\d+$/.test(length)) {
    const n = Number(length);
    return { body: raw.subarray(0, n), done: raw.length >= n };
  }
  return { body: raw, done: false };
}

/**
 * One HTTP/1.1 exchange on a fresh connection, written byte for byte as given (malformed on purpose if need
 * be): sends `talk` and reads the answer until it is complete, the head says enough, the body grows past
 * the limit, the server hangs up or the time runs out. Never rejects: every end is a Reply.
 */
export function exchange(endpoint: Endpoint, talk: Talk, options: ExchangeOptions): Promise<Reply> {
  const maxBody = options.maxBodyBytes ?? 65_536;
  return new Promise<Reply>((resolve) => {
    const started = performance.now();
    const common = { host: endpoint.address, port: endpoint.port, localAddress: options.localAddress };
    const socket: Socket = endpoint.tls
      ? connectTls({
          ...common,
          servername: endpoint.tls.servername,
          rejectUnauthorized: endpoint.tls.verify,
        })
      : connectTcp(common);
    let received = Buffer.alloc(0);
    let head: ResponseHead | undefined;
    let connected = false;
    let settled = false;
    const framing = (): Framing | undefined =>
      head === undefined ? undefined : frame(head, received.subarray(head.length));
    const finish = (ending: Ending, errorCode?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const body = framing()?.body ?? Buffer.alloc(0);
      resolve({
        head,
        body: body.subarray(0, maxBody),
        ending,
        ms: performance.now() - started,
        ...(errorCode !== undefined ? { errorCode } : {}),
      });
    };
    const timer = setTimeout(() => finish('timeout'), Math.max(1, options.timeoutMs));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      while (head === undefined) {
        head = parseResponseHead(received);
        if (head === undefined) {
          if (received.length > MAX_HEAD_BYTES) finish('closed');
          return;
        }
        // An interim answer (100 Continue) is not the answer.
        if (head.status < 200 && head.status !== 101) {
          received = received.subarray(head.length);
          head = undefined;
          continue;
        }
        if (options.stopAtHead?.(head)) return finish('head');
      }
      const framed = framing()!;
      if (framed.done) finish('complete');
      else if (framed.body.length > maxBody) finish('limit');
    });
    socket.once('close', () => {
      const framed = framing();
      // Without a length the body ends with the connection; with one, a short body is a cut answer.
      const unframed = head !== undefined && !framed!.done && head.headers['content-length'] === undefined;
      const chunked = /\bchunked\b/i.test(head?.headers['transfer-encoding'] ?? '');
      finish(framed?.done || (unframed && !chunked) ? 'complete' : 'closed');
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // Before the connection: nobody answered. After: the server hung up (a reset while we still wrote).
      if (!connected) finish('error', err.code ?? err.message);
    });
    socket.once(endpoint.tls ? 'secureConnect' : 'connect', () => {
      connected = true;
      if (Buffer.isBuffer(talk)) {
        socket.write(talk);
        return;
      }
      Promise.resolve(talk(socket)).catch(() => socket.destroy());
    });
  });
}
