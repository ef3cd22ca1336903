import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { BodyPrefix } from './body-prefix.js';
import type { RestScan } from './body-rest-scan.js';

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
 * Holds the body back past the inspected prefix until each window of it is inspected: bytes before
 * `scan.from` pass, the rest goes out a window at a time once `scan.inspect` let it.
 */
class WindowHold {
  #passed = 0;
  #held: Buffer[] = [];
  #heldBytes = 0;

  constructor(readonly scan: RestScan) {}

  /** What of `chunk` may go out now. */
  take(chunk: Buffer): Buffer[] {
    const open = Math.max(0, this.scan.from - this.#passed);
    this.#passed += chunk.length;
    const out: Buffer[] = [];
    if (open >= chunk.length) return [chunk];
    if (open > 0) out.push(chunk.subarray(0, open));
    this.#held.push(open > 0 ? chunk.subarray(open) : chunk);
    this.#heldBytes += chunk.length - open;
    const size = this.scan.windowBytes;
    while (this.#heldBytes >= size) {
      const all = this.#held.length === 1 ? this.#held[0]! : Buffer.concat(this.#held);
      const window = all.subarray(0, size);
      this.scan.inspect(window, false);
      out.push(window);
      this.#held = all.length > size ? [all.subarray(size)] : [];
      this.#heldBytes -= size;
    }
    return out;
  }

  /** The last, shorter window (perhaps empty), once the body ended: the body's end is read with it. */
  flush(): Buffer[] {
    const window =
      this.#held.length === 0
        ? Buffer.alloc(0)
        : this.#held.length === 1
          ? this.#held[0]!
          : Buffer.concat(this.#held);
    this.#held = [];
    this.#heldBytes = 0;
    this.scan.inspect(window, true);
    return window.length === 0 ? [] : [window];
  }
}

async function* chained(
  prefix: readonly Buffer[],
  rest: IncomingMessage | undefined,
  limit: number,
  counter: { bodyBytes: number },
  scan: RestScan | undefined,
): AsyncGenerator<Buffer> {
  const hold = scan === undefined ? undefined : new WindowHold(scan);
  for (const chunk of prefix) {
    counter.bodyBytes += chunk.length;
    if (counter.bodyBytes > limit) throw new BodyTooLargeError(limit);
    if (hold === undefined) yield chunk;
    else yield* hold.take(chunk);
  }
  if (rest !== undefined) {
    // Not destroyed when the loop stops early: a body over its limit is still read, and dropped, by
    // refuseBody.
    for await (const chunk of rest.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      counter.bodyBytes += chunk.length;
      if (counter.bodyBytes > limit) throw new BodyTooLargeError(limit);
      if (hold === undefined) yield chunk;
      else yield* hold.take(chunk);
    }
  }
  if (hold !== undefined) yield* hold.flush();
}

/**
 * The body to send upstream: nothing, the request itself (a sized body nobody read), the inspected prefix
 * when it was the whole body, or the prefix followed by the rest of the stream (held back a window at a
 * time for `scan` when there is one). Bytes are counted into
 * `counter.bodyBytes`; a body without Content-Length fails once it passes `limit`, so an endless upload is
 * cut without being buffered.
 */
export function upstreamBody(
  req: IncomingMessage,
  shape: BodyShape,
  prefix: BodyPrefix | undefined,
  limit: number,
  counter: { bodyBytes: number },
  scan?: RestScan,
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
    return Readable.from(chained(prefix!.chunks, req, Number.POSITIVE_INFINITY, counter, scan), {
      objectMode: false,
    });
  }
  return Readable.from(chained(prefix?.chunks ?? [], req, limit, counter, scan), {
    objectMode: false,
  });
}
