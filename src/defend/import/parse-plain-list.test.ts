import { describe, expect, it } from 'vitest';
import { PLAIN_LIST } from './import-samples.testing.js';
import { parseDecisionImport } from './parse-decision-import.js';

const defaults = { reason: 'manual import', durationMs: 3_600_000 };

describe('plain list import', () => {
  it('reads addresses and ranges, skipping comments and blank lines', () => {
    const { decisions, problems } = parseDecisionImport(PLAIN_LIST, 'plain', defaults);
    expect(decisions).toEqual(
      [
        ['ip', '203.0.113.7'],
        ['ip', '198.51.100.23'],
        ['cidr', '10.0.0.0/8'],
        ['ip', '192.0.2.1'],
        ['ip', '192.0.2.2'],
        ['cidr', '2001:db8::/32'],
        ['ip', '192.0.2.99'],
        ['ip', '2001:db8::1'],
      ].map(([scope, value]) => ({ scope, value, durationMs: 3_600_000, reason: 'manual import' })),
    );
    expect(problems).toEqual([
      'line 8: not an address or CIDR range: hello',
      'line 8: not an address or CIDR range: world',
      'line 9: not an address or CIDR range: 192.0.2.0/33',
    ]);
  });

  it('keeps the first of duplicate entries, comparing canonical forms', () => {
    const text = '2001:db8::1\n2001:DB8:0::1\n10.0.0.0/8\n10.0.0.0/08\n::ffff:10.1.1.1\n10.1.1.1';
    const { decisions } = parseDecisionImport(text, 'plain', defaults);
    expect(decisions.map((d) => `${d.scope} ${d.value}`)).toEqual([
      'ip 2001:db8::1',
      'cidr 10.0.0.0/8',
      'ip 10.1.1.1',
    ]);
  });

  it('keeps a never-expiring default', () => {
    const { decisions } = parseDecisionImport('192.0.2.1', 'plain', { reason: 'r', durationMs: null });
    expect(decisions).toEqual([{ scope: 'ip', value: '192.0.2.1', durationMs: null, reason: 'r' }]);
  });

  it('rejects what the CIDR parser alone would let through', () => {
    const { decisions, problems } = parseDecisionImport(
      '1.2.3.0/24/7\n1.2.3.0/\n01.2.3.4',
      'plain',
      defaults,
    );
    expect(decisions).toEqual([]);
    expect(problems).toHaveLength(3);
  });

  it('parses a 200,000-line list', () => {
    const lines: string[] = [];
    for (let i = 0; i < 200_000; i++) lines.push(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    const { decisions, problems } = parseDecisionImport(lines.join('\n'), 'plain', defaults);
    expect(decisions).toHaveLength(200_000);
    expect(problems).toEqual([]);
  });
});
