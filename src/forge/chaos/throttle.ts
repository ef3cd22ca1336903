import { Transform } from 'node:stream';

// Slices per second: small enough that the rate is smooth, large enough that timers stay few.
const SLICES_PER_SECOND = 20;

/**
 * A pass-through stream that lets at most `bytesPerSecond` through, in slices spread over each second.
 * Destroying it clears its timer.
 * @example await pipeline(upstreamResponse, createThrottle(10_000), res);
 */
export function createThrottle(bytesPerSecond: number): Transform {
  const slice = Math.max(1, Math.floor(bytesPerSecond / SLICES_PER_SECOND));
  let nextAt = 0;
  let timer: NodeJS.Timeout | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let offset = 0;
      const pushNext = () => {
        timer = undefined;
        if (offset >= chunk.length) return done();
        const now = Date.now();
        if (now < nextAt) {
          timer = setTimeout(pushNext, nextAt - now);
          return;
        }
        const part = chunk.subarray(offset, offset + slice);
        offset += part.length;
        nextAt = Math.max(nextAt, now) + (part.length / bytesPerSecond) * 1000;
        this.push(part);
        pushNext();
      };
      pushNext();
    },
    destroy(err, done) {
      if (timer !== undefined) clearTimeout(timer);
      done(err);
    },
  });
}
