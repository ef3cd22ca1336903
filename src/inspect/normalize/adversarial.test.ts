import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_INPUTS } from './cases.js';
import { normalizeValue } from './normalize-value.js';
import { TRANSFORMS } from './registry.js';

// Generous: a regex that backtracks or a quadratic scan takes seconds on these inputs, a linear one a few ms.
const BUDGET_MS = 50;

// The best of three runs in CPU time: the machine may be shared, and a preempted or GC-paused run is noise.
function elapsedMs(run: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3; attempt++) {
    const start = process.cpuUsage();
    run();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('adversarial inputs (regex and scan safety)', () => {
  for (const [name, transform] of TRANSFORMS) {
    it(`${name} stays linear on 50k-char inputs`, () => {
      for (const input of ADVERSARIAL_INPUTS) {
        expect(
          elapsedMs(() => transform.apply(input)),
          JSON.stringify(input.slice(0, 12)),
        ).toBeLessThan(BUDGET_MS);
      }
    });
  }

  it('normalizeValue stays linear on 50k-char inputs', () => {
    for (const input of ADVERSARIAL_INPUTS) {
      const item = { location: 'query.q', kind: 'query-value', value: input } as const;
      expect(
        elapsedMs(() => normalizeValue(item)),
        JSON.stringify(input.slice(0, 12)),
      ).toBeLessThan(BUDGET_MS * 2);
    }
  });
});
