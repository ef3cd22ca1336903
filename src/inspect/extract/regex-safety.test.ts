import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';

const folder = new URL('.', import.meta.url).pathname;

/** Every regex literal in this folder's sources (not tests or case data), found by a deliberately simple pattern. */
function regexLiterals(): RegExp[] {
  const found: RegExp[] = [];
  for (const file of readdirSync(folder)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.startsWith('case')) continue;
    const text = readFileSync(join(folder, file), 'utf8');
    for (const match of text.matchAll(/(?:[=(,!]\s*)\/((?:\\.|[^/\n\\])+)\/([dgimsuy]*)(?![a-z])/g))
      found.push(new RegExp(match[1]!, match[2]!));
  }
  return found;
}

const adversarial = [
  `${'a'.repeat(50_000)}!`,
  'query'.repeat(10_000),
  `query${' '.repeat(50_000)}`,
  '<?xml'.repeat(10_000),
  `<?xml${'\t'.repeat(50_000)}x`,
  '{'.repeat(50_000),
];

describe('regexes in extract', () => {
  it('finds the ones it checks', () => {
    expect(regexLiterals().length).toBeGreaterThanOrEqual(2);
  });

  it('each answers adversarial 50k inputs quickly', () => {
    for (const regex of regexLiterals())
      for (const input of adversarial) {
        const started = performance.now();
        regex.test(input);
        expect(performance.now() - started, `${regex} on ${input.slice(0, 12)}…`).toBeLessThan(50);
      }
  });
});
