import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { createThrottle } from './throttle.js';

describe('createThrottle', () => {
  it('passes every byte through, in slices of a twentieth of the rate', async () => {
    const pieces: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        pieces.push(chunk);
        done();
      },
    });
    await pipeline(
      Readable.from([Buffer.alloc(1000, 'a'), Buffer.alloc(500, 'b')]),
      createThrottle(4000),
      sink,
    );
    expect(Buffer.concat(pieces).toString()).toBe('a'.repeat(1000) + 'b'.repeat(500));
    // 200-byte slices; a chunk's remainder is not merged with the next chunk.
    expect(pieces.map((p) => p.length)).toEqual([200, 200, 200, 200, 200, 200, 200, 100]);
  });

  it('stops at once when destroyed, leaving no timer behind', async () => {
    const throttle = createThrottle(100);
    throttle.write(Buffer.alloc(1000));
    throttle.resume();
    throttle.destroy();
    await new Promise((resolve) => throttle.once('close', resolve));
    expect(throttle.destroyed).toBe(true);
  });
});
