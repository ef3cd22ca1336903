import { describe, expect, it } from 'vitest';
import { createImportCollector } from './import-collector.js';
import { parseDecisionImport } from './parse-decision-import.js';

describe('createImportCollector', () => {
  it('caps the listed problems and counts the rest', () => {
    const collector = createImportCollector(1_000, 3);
    for (let i = 1; i <= 5; i++) collector.add(`line ${i}`, 'junk', null, 'r');
    expect(collector.result().problems).toEqual([
      'line 1: not an address or CIDR range: junk',
      'line 2: not an address or CIDR range: junk',
      'line 3: not an address or CIDR range: junk',
      '…and 2 more',
    ]);
  });

  it('stops at the entry limit and says where, past the problem cap', () => {
    const collector = createImportCollector(3, 1);
    const kept = ['junk', 'junk', '192.0.2.1', '192.0.2.2'].map((e, i) =>
      collector.add(`line ${i + 1}`, e, null, 'r'),
    );
    expect(kept).toEqual([true, true, true, false]);
    expect(collector.skip('line 5', 'x')).toBe(false);
    expect(collector.result()).toEqual({
      decisions: [{ scope: 'ip', value: '192.0.2.1', durationMs: null, reason: 'r' }],
      problems: [
        'line 1: not an address or CIDR range: junk',
        '…and 1 more',
        'line 4: stopped after 3 entries; the rest was not read',
      ],
    });
  });

  it('keeps control characters and long junk out of problem lines', () => {
    const collector = createImportCollector();
    collector.add('line 1', `\u001b[31m${'a'.repeat(100)}`, null, 'r');
    expect(collector.result().problems).toEqual([
      `line 1: not an address or CIDR range: ?[31m${'a'.repeat(55)}…`,
    ]);
  });

  it('caps problems through the public parser too', () => {
    const text = Array.from({ length: 150 }, (_, i) => `junk${i}`).join('\n');
    const { problems } = parseDecisionImport(text, 'plain', { reason: 'r', durationMs: null });
    expect(problems).toHaveLength(101);
    expect(problems.at(-1)).toBe('…and 50 more');
  });
});
