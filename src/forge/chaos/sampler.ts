/**
 * A seeded generator of numbers in [0, 1) (mulberry32): the same seed gives the same sequence.
 * @example const random = seededRandom(42); random(); // 0.6011037519201636, every time
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Decides, request by request, whether one falls in a percentage. Seeded, so that a run with the same seed
 * and the same requests hits the same ones, and random, so that no probe's rotation of paths lines up with it.
 * @example const hit = createSampler(50, 42); hit(); // true or false, the same sequence every time
 */
export function createSampler(percent: number, seed: number): () => boolean {
  if (percent >= 100) return () => true;
  if (percent <= 0) return () => false;
  const random = seededRandom(seed);
  return () => random() * 100 < percent;
}

/** A 32-bit seed from text (FNV-1a), so an experiment without a seed still samples the same way each run. */
export function seedFromText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
