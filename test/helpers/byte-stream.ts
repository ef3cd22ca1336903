import { Readable } from 'node:stream';

const BLOCK = Buffer.alloc(64 * 1024, 'infinisec ');

/**
 * A stream of `total` bytes made on the fly from one reused 64 KiB block, so that a 100 MB body costs the
 * test 64 KiB, not 100 MB.
 */
export function byteSource(total: number): Readable {
  let left = total;
  return new Readable({
    read() {
      while (left > 0) {
        const chunk = left >= BLOCK.length ? BLOCK : BLOCK.subarray(0, left);
        left -= chunk.length;
        if (!this.push(chunk)) return;
      }
      this.push(null);
    },
  });
}

/** Reads a stream to its end, counting bytes and keeping at most `keep` of them. */
export async function drain(
  stream: AsyncIterable<Buffer>,
  keep = 1024 * 1024,
): Promise<{ bytes: number; kept: Buffer }> {
  let bytes = 0;
  const parts: Buffer[] = [];
  for await (const chunk of stream) {
    if (bytes < keep) parts.push(chunk.subarray(0, keep - bytes));
    bytes += chunk.length;
  }
  return { bytes, kept: Buffer.concat(parts) };
}

/** Megabytes, for messages. */
export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
