import { describe, expect, it } from 'vitest';
import { SAMPLES } from './import-samples.testing.js';
import { type ImportFormat, parseDecisionImport } from './parse-decision-import.js';

const defaults = { reason: 'import', durationMs: null };
const FORMATS: readonly ImportFormat[] = ['plain', 'fail2ban', 'crowdsec'];
const ALPHABET = '0123456789abcdefABCDEF.:/,# \t\n\r"[]{}-hmsµ%IpRange,ban\u0000\u2028😀';

// Deterministic so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function randomText(next: () => number): string {
  let text = '';
  const length = Math.floor(next() * 200);
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return text;
}

function mutate(sample: string, next: () => number): string {
  const chars = [...sample];
  for (let i = 0; i < 10; i++) {
    const at = Math.floor(next() * chars.length);
    if (next() < 0.5) chars.splice(at, 1 + Math.floor(next() * 20));
    else chars.splice(at, 0, randomText(next).slice(0, 5));
  }
  return chars.join('');
}

describe('parseDecisionImport', () => {
  it.each(FORMATS)('never throws on random text as %s', (format) => {
    const next = random(FORMATS.indexOf(format) + 1);
    for (let i = 0; i < 200; i++) {
      const result = parseDecisionImport(randomText(next), format, defaults);
      expect(result.problems.length).toBeLessThanOrEqual(101);
    }
  });

  it.each(SAMPLES.map(([format, text], i) => [i, format, text] as const))(
    'never throws on mutated sample %i (%s)',
    (i, format, text) => {
      const next = random(100 + i);
      for (let n = 0; n < 200; n++) {
        const { decisions } = parseDecisionImport(mutate(text, next), format, defaults);
        for (const d of decisions) expect(['ip', 'cidr']).toContain(d.scope);
      }
    },
  );

  it('reports an unknown format instead of throwing', () => {
    expect(parseDecisionImport('192.0.2.1', 'iptables' as ImportFormat, defaults)).toEqual({
      decisions: [],
      problems: ['unknown import format: iptables'],
    });
    expect(parseDecisionImport('192.0.2.1', 'toString' as ImportFormat, defaults).problems).toHaveLength(1);
  });

  it('accepts empty text in every format', () => {
    expect(parseDecisionImport('', 'plain', defaults)).toEqual({ decisions: [], problems: [] });
    expect(parseDecisionImport('', 'crowdsec', defaults)).toEqual({ decisions: [], problems: [] });
    expect(parseDecisionImport('', 'fail2ban', defaults).problems).toEqual([
      "no 'Banned IP list' line found",
    ]);
  });
});
