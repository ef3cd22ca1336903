import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Sends the status, the headers and the first `bytes` of the body, then resets the connection. Each write
 * is waited for, so what went before the reset reaches the client before the RST does.
 */
export function resetAfter(upstreamRes: IncomingMessage, res: ServerResponse, bytes: number): void {
  let sent = 0;
  let done = false;
  const reset = () => {
    if (done) return;
    done = true;
    upstreamRes.destroy();
    const socket = res.socket;
    if (socket === null || socket.destroyed) return;
    socket.write(Buffer.alloc(0), () => socket.resetAndDestroy());
  };
  res.flushHeaders();
  if (bytes === 0) {
    reset();
    return;
  }
  upstreamRes.on('data', (chunk: Buffer) => {
    if (done) return;
    const part = chunk.subarray(0, bytes - sent);
    sent += part.length;
    res.write(part);
    if (sent >= bytes) reset();
  });
  upstreamRes.once('end', reset);
  upstreamRes.once('error', () => res.destroy());
}
