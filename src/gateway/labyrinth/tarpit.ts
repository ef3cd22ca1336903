import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How a tarpit drips. */
export interface TarpitOptions {
  readonly bytesPerInterval: number;
  readonly intervalMs: number;
  readonly maxConnections: number;
  readonly maxHoldMs: number;
}

/** Holds responses open and sends their bodies a few bytes at a time. */
export interface Tarpit {
  /**
   * Answers with `head` (status and headers, Content-Length announcing all of `body`) at once and `body`
   * slowly, `bytesPerInterval` characters at a time, then closes the connection; `done` gets the time held.
   * False when the tarpit is full: nothing was written, and the caller answers at full speed instead.
   */
  hold(
    res: ServerResponse,
    head: Readonly<Record<string, string | number>>,
    status: number,
    body: string,
    done: (heldMs: number) => void,
  ): boolean;
  /** Applies new options; the interval changes at the next tick. */
  configure(options: TarpitOptions): void;
  readonly size: number;
  /** Ends every held response and stops the timer. */
  close(): void;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

interface Held {
  readonly socket: Socket;
  /** The page's own string: a Buffer copy costs more (measured in bench/labyrinth/tarpit.mjs). */
  readonly body: string;
  readonly started: number;
  readonly done: (heldMs: number) => void;
  offset: number;
}

/**
 * Creates a tarpit. One timer serves every held response. Node's HTTP exchange is over as soon as the head
 * is out (the response ends with no body, which a Content-Length never checked lets it do), so what a held
 * client costs is its socket and its page, a few KB: the tarpit writes the body straight to the socket and
 * closes it at the end. A client that stops reading is not written to until it drains; one that leaves is
 * forgotten.
 *
 * @example const tarpit = createTarpit({ bytesPerInterval: 64, intervalMs: 1000, maxConnections: 10_000, maxHoldMs: 120_000 });
 */
export function createTarpit(initial: TarpitOptions): Tarpit {
  let options = initial;
  const held = new Set<Held>();
  let timer: NodeJS.Timeout | undefined;
  let timerMs = 0;

  const finish = (entry: Held, now: number) => {
    held.delete(entry);
    if (!entry.socket.destroyed) entry.socket.end(entry.body.slice(entry.offset));
    entry.done(now - entry.started);
  };

  const tick = () => {
    const now = Date.now();
    for (const entry of held) {
      const { socket } = entry;
      if (socket.destroyed) {
        held.delete(entry);
        entry.done(now - entry.started);
        continue;
      }
      if (now - entry.started >= options.maxHoldMs) {
        finish(entry, now);
        continue;
      }
      if (socket.writableNeedDrain) continue;
      let end = Math.min(entry.body.length, entry.offset + options.bytesPerInterval);
      // Never between the halves of a surrogate pair: each write is encoded as UTF-8 on its own.
      if (isHighSurrogate(entry.body.charCodeAt(end - 1))) end++;
      if (end >= entry.body.length) {
        finish(entry, now);
        continue;
      }
      socket.write(entry.body.slice(entry.offset, end));
      entry.offset = end;
    }
    if (held.size === 0) stop();
    else if (timerMs !== options.intervalMs) start();
  };

  const start = () => {
    if (timer !== undefined) clearInterval(timer);
    timerMs = options.intervalMs;
    timer = setInterval(tick, timerMs);
    timer.unref();
  };

  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };

  return {
    get size() {
      return held.size;
    },
    hold(res, head, status, body, done) {
      const socket = res.socket;
      if (held.size >= options.maxConnections || socket === null || socket.destroyed) return false;
      // The connection is the tarpit's from here: Node must neither close it (`Connection: close` asked
      // for) nor time it out as idle once its exchange is over.
      res.shouldKeepAlive = true;
      res.writeHead(status, head);
      res.end();
      res.once('finish', () => socket.setTimeout(0));
      const entry: Held = { socket, body, started: Date.now(), done, offset: 0 };
      held.add(entry);
      // Forget a client that leaves now rather than at the next tick: its socket is freed at once.
      socket.once('close', () => {
        if (held.delete(entry)) done(Date.now() - entry.started);
      });
      if (timer === undefined) start();
      return true;
    },
    configure(next) {
      options = next;
    },
    close() {
      const now = Date.now();
      for (const entry of held) finish(entry, now);
      stop();
    },
  };
}
