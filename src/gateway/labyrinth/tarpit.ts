import type { ServerResponse } from 'node:http';

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
   * Sends `body` (headers already written) slowly, `bytesPerInterval` characters at a time; `done` gets the
   * time held. False when the tarpit is full: the caller answers at full speed instead.
   */
  hold(res: ServerResponse, body: string, done: (heldMs: number) => void): boolean;
  /** Applies new options; the interval changes at the next tick. */
  configure(options: TarpitOptions): void;
  readonly size: number;
  /** Ends every held response and stops the timer. */
  close(): void;
}

interface Held {
  readonly res: ServerResponse;
  /** The page's own string: a Buffer copy costs more (measured in bench/labyrinth/tarpit.mjs). */
  readonly body: string;
  readonly started: number;
  readonly done: (heldMs: number) => void;
  offset: number;
}

/**
 * Creates a tarpit. One timer serves every held response, and each holds only its page (a few KB): ten
 * thousand held connections cost their sockets and little more. A client that stops reading is not written
 * to until it drains; one that leaves is forgotten.
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
    if (!entry.res.writableEnded && !entry.res.destroyed) entry.res.end(entry.body.slice(entry.offset));
    entry.done(now - entry.started);
  };

  const tick = () => {
    const now = Date.now();
    for (const entry of held) {
      const { res } = entry;
      if (res.destroyed || res.writableEnded) {
        held.delete(entry);
        entry.done(now - entry.started);
        continue;
      }
      if (now - entry.started >= options.maxHoldMs) {
        finish(entry, now);
        continue;
      }
      if (res.writableNeedDrain) continue;
      const end = Math.min(entry.body.length, entry.offset + options.bytesPerInterval);
      if (end >= entry.body.length) {
        finish(entry, now);
        continue;
      }
      res.write(entry.body.slice(entry.offset, end));
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
    hold(res, body, done) {
      if (held.size >= options.maxConnections) return false;
      const entry: Held = { res, body, started: Date.now(), done, offset: 0 };
      held.add(entry);
      // Forget a client that leaves now rather than at the next tick: its socket is freed at once.
      res.once('close', () => {
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
