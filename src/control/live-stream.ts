import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { EventBus, SecurityEvent, Topics } from '../core/index.js';
import { HttpError } from './http/http-error.js';
import type { Authenticate, Authorize } from './http/router.js';

/** Which events a live client wants; every field given must match. */
export interface StreamFilter {
  readonly site?: string;
  readonly client?: string;
  readonly action?: string;
  readonly category?: string;
  /** Only events with findings (attacks). */
  readonly attacks?: boolean;
}

/** Counters of the live stream. */
export interface StreamStats {
  readonly clients: number;
  readonly sent: number;
  /** Clients dropped because they fell too far behind. */
  readonly dropped: number;
}

/** The WebSocket live event stream at `/api/stream`. */
export interface LiveStream {
  /** Takes an HTTP upgrade; answers 401/403/404 itself when it cannot be accepted. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  readonly stats: StreamStats;
  close(): void;
}

const PATH = '/api/stream';
const PROTOCOL = 'infinisec.v1';
const PING_MS = 30_000;

/** Parses the filter a client asked for in the query string. */
export function parseStreamFilter(params: URLSearchParams): StreamFilter {
  const pick = (name: string) => {
    const value = params.get(name);
    return value === null || value === '' ? undefined : value.slice(0, 256);
  };
  const filter: Record<string, string | boolean> = {};
  for (const name of ['site', 'client', 'action', 'category'] as const) {
    const value = pick(name);
    if (value !== undefined) filter[name] = value;
  }
  if (params.get('attacks') === 'true') filter.attacks = true;
  return filter as StreamFilter;
}

/** Whether an event passes a filter. */
export function matchesFilter(event: SecurityEvent, filter: StreamFilter): boolean {
  if (filter.site !== undefined && event.site !== filter.site) return false;
  if (filter.client !== undefined && event.client.ip !== filter.client) return false;
  if (filter.action !== undefined && event.verdict.action !== filter.action) return false;
  if (filter.attacks && event.verdict.findings.length === 0) return false;
  if (filter.category !== undefined && !event.verdict.findings.some((f) => f.analyzer === filter.category))
    return false;
  return true;
}

/**
 * Creates the live stream. Each event is serialized once and sent to every client whose server-side filter
 * it passes. A client whose unsent data passes `maxBufferedBytes` is disconnected (close code 1008), never
 * buffered without bound; one that stops answering pings is dropped too.
 */
export function createLiveStream(
  bus: EventBus<Topics>,
  authenticate: Authenticate,
  authorize: Authorize,
  maxBufferedBytes: number,
): LiveStream {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 4096,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(PROTOCOL) ? PROTOCOL : false),
  });
  const clients = new Map<WebSocket, { filter: StreamFilter; alive: boolean }>();
  let sent = 0;
  let dropped = 0;

  const unsubscribe = bus.subscribe('security.event', (event) => {
    if (clients.size === 0) return;
    let message: string | undefined;
    for (const [ws, client] of clients) {
      if (!matchesFilter(event, client.filter)) continue;
      if (ws.bufferedAmount > maxBufferedBytes) {
        dropped++;
        clients.delete(ws);
        ws.close(1008, 'too slow: fell behind the live stream');
        // A peer that does not read will not read the close frame either.
        setTimeout(() => ws.terminate(), 1000).unref();
        continue;
      }
      message ??= JSON.stringify({ type: 'event', event });
      ws.send(message);
      sent++;
    }
  });

  const ping = setInterval(() => {
    for (const [ws, client] of clients) {
      if (!client.alive) {
        clients.delete(ws);
        ws.terminate();
        continue;
      }
      client.alive = false;
      ws.ping();
    }
  }, PING_MS);
  ping.unref();

  const refuse = (socket: Duplex, status: number, message: string) => {
    const body = `${JSON.stringify({ error: message })}\n`;
    socket.end(
      `HTTP/1.1 ${status} ${message}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  };

  return {
    upgrade(req, socket, head) {
      socket.on('error', () => socket.destroy());
      const url = new URL(req.url ?? '/', 'http://control');
      if (url.pathname !== PATH) return refuse(socket, 404, 'Not Found');
      authenticate(req).then(
        (principal) => {
          if (principal === undefined) return refuse(socket, 401, 'Unauthorized');
          if (!authorize(principal, 'stream:read')) return refuse(socket, 403, 'Forbidden');
          const filter = parseStreamFilter(url.searchParams);
          wss.handleUpgrade(req, socket, head, (ws) => {
            const client = { filter, alive: true };
            clients.set(ws, client);
            ws.on('pong', () => {
              client.alive = true;
            });
            ws.on('close', () => clients.delete(ws));
            ws.on('error', () => clients.delete(ws));
            // Clients only listen; anything they send is ignored.
            ws.on('message', () => {});
            ws.send(JSON.stringify({ type: 'hello', filter }));
          });
        },
        (err: unknown) =>
          refuse(
            socket,
            err instanceof HttpError && err.status === 401 ? 401 : 500,
            err instanceof HttpError ? 'Unauthorized' : 'Internal Server Error',
          ),
      );
    },
    get stats() {
      return { clients: clients.size, sent, dropped };
    },
    close() {
      unsubscribe();
      clearInterval(ping);
      for (const ws of clients.keys()) ws.terminate();
      clients.clear();
      wss.close();
    },
  };
}
