import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { BodyPrefix } from './body-prefix.js';

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

async function* chained(
  prefix: readonly Buffer[],
  rest: IncomingMessage | undefined,
  limit: number,
  counter: { bodyBytes: number },
): AsyncGenerator<Buffer> {
  for (const chunk of prefix) {
    counter.bodyBytes += chunk.length;
    if (counter.bodyBytes > limit) throw new BodyTooLargeError(limit);
    yield chunk;
  }
  if (rest === undefined) return;
  // Not destroyed when the loop stops early: a body over its limit is still read, and dropped, by refuseBody.
  for await (const chunk of rest.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    counter.bodyBytes += chunk.length;
    if (counter.bodyBytes > limit) throw new BodyTooLargeError(limit);
    yield chunk;
  }
}

/**
 * The body to send upstream: nothing, the request itself (a sized body nobody read), the inspected prefix
 * when it was the whole body, or the prefix followed by the rest of the stream. Bytes are counted into
 * `counter.bodyBytes`; a body without Content-Length fails once it passes `limit`, so an endless upload is
 * cut without being buffered.
 */
export function upstreamBody(
  req: IncomingMessage,
  shape: BodyShape,
  prefix: BodyPrefix | undefined,
  limit: number,
  counter: { bodyBytes: number },
): Buffer | Readable | IncomingMessage | null {
  if (shape.kind === 'none') return null;
  if (prefix?.complete) {
    counter.bodyBytes = prefix.bytes;
    if (prefix.bytes > limit) throw new BodyTooLargeError(limit);
    return prefix.chunks.length === 1 ? prefix.chunks[0]! : Buffer.concat(prefix.chunks as Buffer[]);
  }
  if (shape.kind === 'sized' && prefix === undefined) {
    counter.bodyBytes = shape.bytes;
    return req;
  }
  if (shape.kind === 'sized') {
    // Node enforces the declared length; the count is for the event only.
    return Readable.from(chained(prefix!.chunks, req, Number.POSITIVE_INFINITY, counter), {
      objectMode: false,
    });
  }
  return Readable.from(chained(prefix?.chunks ?? [], req, limit, counter), { objectMode: false });
}
