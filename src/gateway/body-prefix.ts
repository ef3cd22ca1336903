import type { IncomingMessage } from 'node:http';

/** The first bytes of a request body, read before the request is judged. */
export interface BodyPrefix {
  readonly chunks: readonly Buffer[];
  readonly bytes: number;
  /** True when the whole body fit: nothing is left to stream from the request. */
  readonly complete: boolean;
}

/**
 * Reads up to `limit` bytes of the body (a little more when a chunk crosses the limit), then pauses the
 * request so the rest can be streamed to the upstream once the verdict allows it.
 */
export function readBodyPrefix(req: IncomingMessage, limit: number): Promise<BodyPrefix> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const done = (complete: boolean) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (!complete) req.pause();
      resolve({ chunks, bytes, complete });
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      bytes += chunk.length;
      if (bytes > limit) done(false);
    };
    const onEnd = () => done(true);
    const onError = (err: Error) => {
      req.off('data', onData);
      reject(err);
    };
    const onClose = () => {
      if (!req.complete) onError(new Error('gateway: client closed the connection during the body'));
    };
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onError);
    req.once('close', onClose);
  });
}

/** The body prefix as one buffer, for the request view (at most `limit` bytes). */
export function prefixBytes(prefix: BodyPrefix, limit: number): Buffer {
  const all = prefix.chunks.length === 1 ? prefix.chunks[0]! : Buffer.concat(prefix.chunks as Buffer[]);
  return all.length > limit ? all.subarray(0, limit) : all;
}
