/** A seeded generator of uniform numbers in [0, 1) (mulberry32), so that tests see the same noise each run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shape of a synthetic traffic series: a daily sine wave on a rising line, plus Gaussian noise. */
export interface TrafficShape {
  readonly period: number;
  readonly base: number;
  readonly amplitude: number;
  /** Added per bucket. */
  readonly trend: number;
  /** Standard deviation of the noise. */
  readonly noise: number;
  readonly seed: number;
}

/** The noiseless value of bucket `t`. */
export const truth = (shape: TrafficShape, t: number): number =>
  shape.base + shape.trend * t + shape.amplitude * Math.sin((2 * Math.PI * t) / shape.period);

/** `n` buckets of the shape, with noise (Box-Muller), never below 0. */
export function syntheticTraffic(shape: TrafficShape, n: number): number[] {
  const random = seededRandom(shape.seed);
  return Array.from({ length: n }, (_, t) => {
    const gaussian = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.max(0, truth(shape, t) + shape.noise * gaussian);
  });
}

/** Buckets of `values` from `start`, as the event store's stats give them. */
export const asBuckets = (values: readonly number[], start: number, bucketMs: number) =>
  values.map((requests, i) => ({ time: start + i * bucketMs, requests }));
