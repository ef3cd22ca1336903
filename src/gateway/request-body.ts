import type { IncomingMessage } from 'node:http';

/** Thrown inside the body stream when a body without Content-Length goes over its limit. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`gateway: request body over ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** What the request body looks like before any of it is read. */
export type BodyShape =
  | { readonly kind: 'none' }
  | { readonly kind: 'sized'; readonly bytes: number }
  | { readonly kind: 'chunked' };

/** Reads the framing headers. Node's parser has already refused a request with both or with a bad length. */
export function bodyShape(req: IncomingMessage): BodyShape {
  if (req.headers['transfer-encoding'] !== undefined) return { kind: 'chunked' };
  const length = req.headers['content-length'];
  if (length === undefined || length === '0') return { kind: 'none' };
  return { kind: 'sized', bytes: Number(length) };
}

/**
 * Streams a chunked body, counting bytes into `counter.bodyBytes` and failing once it passes `limit`,
 * so an endless upload is cut without being buffered.
 */
export async function* limitedBody(
  req: IncomingMessage,
  limit: number,
  counter: { bodyBytes: number },
): AsyncGenerator<Buffer> {
  for await (const chunk of req as AsyncIterable<Buffer>) {
    counter.bodyBytes += chunk.length;
    if (counter.bodyBytes > limit) throw new BodyTooLargeError(limit);
    yield chunk;
  }
}
