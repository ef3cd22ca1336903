import type { Socket } from 'node:net';

/** Maps a parser or timeout error from Node's HTTP server to the status the client gets. */
export function clientErrorStatus(code: string | undefined): { status: number; reason: string } {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, reason: 'limit/header-size' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'HPE_HEADERS_TIMEOUT':
      return { status: 408, reason: 'limit/timeout' };
    default:
      return { status: 400, reason: 'protocol/malformed' };
  }
}

/** True when the socket can still carry an answer: open, and no response of ours has begun on it. */
export function canAnswer(socket: Socket): boolean {
  // Node keeps the response in progress on the socket; an answer written over it would corrupt the stream.
  const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return socket.writable && !socket.destroyed && current?.headersSent !== true;
}
