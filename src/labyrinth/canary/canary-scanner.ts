import type { CanaryShape } from './canary-shape.js';

/** Most look-alikes find() verifies in one text: a body full of them costs no more than this many HMACs. */
export const MAX_CANDIDATES = 64;

/**
 * Calls `visit` with each text that looks like some shape's canary, in order, until it returns false or
 * MAX_CANDIDATES have been visited. Synchronous; `visit` must not scan again.
 */
export type CanaryScanner = (text: string, visit: (candidate: string) => boolean) => void;

// Only the delimiters a shape's scan admits escaped: enough for a token copied into a query string.
const ESCAPES: Readonly<Record<string, string>> = { '%40': '@', '%3a': ':', '%2f': '/' };
const ESCAPE = /%(?:40|3[Aa]|2[Ff])/g;

const decodeDelimiters = (candidate: string): string =>
  candidate.includes('%') ? candidate.replace(ESCAPE, (e) => ESCAPES[e.toLowerCase()]!) : candidate;

/**
 * One regular expression, the alternation of every shape's `scan`, compiled once; each match is visited
 * with its %-escaped delimiters (`%40`, `%3A`, `%2F`) decoded. Every alternative is linear on its own (a
 * literal prefix or a one-character boundary, then bounded repetitions of disjoint classes), so the scan is
 * linear in the text.
 */
export function createCanaryScanner(shapes: readonly CanaryShape[]): CanaryScanner {
  const pattern = new RegExp(shapes.map((shape) => `(?:${shape.scan})`).join('|'), 'g');
  return (text, visit) => {
    pattern.lastIndex = 0;
    try {
      for (let seen = 0; seen < MAX_CANDIDATES; seen++) {
        const match = pattern.exec(text);
        if (match === null || !visit(decodeDelimiters(match[0]))) return;
      }
    } finally {
      pattern.lastIndex = 0;
    }
  };
}
