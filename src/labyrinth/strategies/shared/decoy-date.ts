import type { Prng } from '../../random/prng.js';

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A date-time `YYYY-MM-DD hh:mm:ss` between `fromYear` and `toYear`; drawn, never read from a clock. */
export function decoyDate(rng: Prng, fromYear = 2016, toYear = 2024): string {
  const day = `${rng.between(fromYear, toYear)}-${pad(rng.between(1, 12))}-${pad(rng.between(1, 28))}`;
  return `${day} ${pad(rng.below(24))}:${pad(rng.below(60))}:${pad(rng.below(60))}`;
}
