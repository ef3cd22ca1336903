/** What a chunked body holds so far. */
export interface ChunkedRead {
  readonly body: Buffer;
  /** The last (zero-size) chunk has come. */
  readonly done: boolean;
}

/**
 * Decodes as much of a `Transfer-Encoding: chunked` body as has arrived: the chunks complete so far, and
 * whether the last one was among them. Malformed framing ends the body where it breaks.
 * @example readChunked(Buffer.from('3\r\nabc\r\n0\r\n\r\n')) // { body: <abc>, done: true }
 */
export function readChunked(raw: Buffer): ChunkedRead {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', at);
    if (lineEnd < 0) return { body: Buffer.concat(parts), done: false };
    const size = Number.parseInt(raw.subarray(at, lineEnd).toString('latin1').split(';')[0]!.trim(), 16);
    if (!Number.isInteger(size) || size < 0) return { body: Buffer.concat(parts), done: true };
    if (size === 0) return { body: Buffer.concat(parts), done: true };
    const start = lineEnd + 2;
    if (start + size > raw.length) {
      parts.push(raw.subarray(start));
      return { body: Buffer.concat(parts), done: false };
    }
    parts.push(raw.subarray(start, start + size));
    at = start + size + 2;
  }
}
