import { connect, type Socket } from 'node:net';

/** What came back on a raw connection before it closed. */
export interface RawReply {
  /** Status code of the first status line, 0 if none came. */
  readonly status: number;
  readonly text: string;
  /** Ms from connecting to the connection closing. */
  readonly ms: number;
}

/** Parses the status of the first status line in `text`. */
function statusOf(text: string): number {
  return Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
}

/**
 * Opens a TCP connection, lets `talk` write whatever it likes (malformed on purpose), and collects what the
 * server sends until it closes the connection. Fails if the server keeps it open past `timeoutMs`.
 */
export function rawExchange(
  port: number,
  talk: (socket: Socket, answered: () => boolean) => void | Promise<void>,
  timeoutMs = 5000,
): Promise<RawReply> {
  return new Promise<RawReply>((resolve, reject) => {
    const started = Date.now();
    const socket = connect({ port, host: '127.0.0.1' });
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(`raw client: connection still open after ${timeoutMs} ms; got ${JSON.stringify(text)}`),
      );
    }, timeoutMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    // The server may reset the connection while we still write (a refused body): what it sent still counts.
    socket.on('error', () => {});
    socket.once('close', () => {
      clearTimeout(timer);
      resolve({ status: statusOf(text), text, ms: Date.now() - started });
    });
    socket.once('connect', () => {
      Promise.resolve(talk(socket, () => text.length > 0)).catch((err: unknown) => {
        socket.destroy();
        reject(err);
      });
    });
  });
}

/** Sends `payload` as is on a fresh connection and returns the server's answer. */
export function rawRequest(port: number, payload: string | Buffer, timeoutMs?: number): Promise<RawReply> {
  return rawExchange(port, (socket) => void socket.write(payload), timeoutMs);
}
