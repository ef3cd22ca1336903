import { apiUrl } from './api-client';
import type { EventFilter, SecurityEvent } from './event-types';
import { freshAccessToken } from './session';

/** What a live client asks the server to send: the event filters, and only attacks. */
export interface StreamFilter extends EventFilter {
  readonly attacks?: boolean;
}

/** The state of the connection. */
export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

/** What the stream tells its owner. */
export interface StreamHandlers {
  onEvent(event: SecurityEvent): void;
  /** `retryInMs` is set while waiting to reconnect. */
  onStatus(status: StreamStatus, retryInMs?: number): void;
}

const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;

/**
 * Opens the WebSocket live stream with the access token as a subprotocol, and reconnects with exponential
 * backoff (and jitter) whenever it closes. Returns the function that closes it for good.
 * @example const close = openLiveStream({ attacks: true }, { onEvent: show, onStatus: setStatus });
 */
export function openLiveStream(filter: StreamFilter, handlers: StreamHandlers): () => void {
  let socket: WebSocket | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let closed = false;

  const reconnect = () => {
    if (closed) return;
    const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** failures) * (0.75 + Math.random() / 4);
    failures++;
    handlers.onStatus('reconnecting', delay);
    retry = setTimeout(connect, delay);
  };

  const connect = async () => {
    handlers.onStatus(failures === 0 ? 'connecting' : 'reconnecting');
    const token = await freshAccessToken();
    if (closed) return;
    if (token === undefined) return reconnect();
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const query = { ...filter, attacks: filter.attacks ? 'true' : undefined };
    socket = new WebSocket(`${scheme}://${location.host}${apiUrl('/api/stream', query)}`, [
      'infinisec.v1',
      `bearer.${token}`,
    ]);
    socket.onmessage = (message) => {
      const data = JSON.parse(String(message.data)) as { type: string; event?: SecurityEvent };
      if (data.type === 'hello') {
        failures = 0;
        handlers.onStatus('live');
      } else if (data.type === 'event' && data.event) handlers.onEvent(data.event);
    };
    socket.onclose = reconnect;
  };

  void connect();
  return () => {
    closed = true;
    clearTimeout(retry);
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
  };
}
