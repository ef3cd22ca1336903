import type { Finding } from '../core/index.js';

/**
 * Combines findings into one score: the strongest finding per analyzer counts whole, and further
 * analyzers add half of their strongest, so one loud analyzer cannot be outvoted and several weak
 * signals from different families add up, but many findings of one family do not.
 */
export function scoreFindings(findings: readonly Finding[]): number {
  if (findings.length === 0) return 0;
  if (findings.length === 1) return findings[0]!.confidence;
  const best = new Map<string, number>();
  for (const f of findings) best.set(f.analyzer, Math.max(best.get(f.analyzer) ?? 0, f.confidence));
  const peaks = [...best.values()].sort((a, b) => b - a);
  let score = peaks[0]!;
  for (let i = 1; i < peaks.length; i++) score += peaks[i]! / 2;
  return score;
}
