import { describe, expect, it } from 'vitest';
import type { ClientIdentity, Decision } from '../core/index.js';
import { createDecisionTable } from './decision-table.js';

const client = (ip: string, prefix = ip): ClientIdentity => ({ ip, prefix, fingerprint: '', userAgent: '' });
const decision = (over: Partial<Decision>): Decision => ({
  id: 'd1',
  scope: 'ip',
  value: '192.0.2.1',
  action: 'block',
  reason: 'test',
  source: 'manual',
  created: 0,
  expires: null,
  createdBy: 'test',
  ...over,
});

describe('createDecisionTable', () => {
  it('matches an address exactly and a range by containment', () => {
    const table = createDecisionTable([
      decision({ id: 'a' }),
      decision({ id: 'b', scope: 'cidr', value: '198.51.100.0/24', action: 'ratelimit' }),
    ]);
    expect(table.match(client('192.0.2.1'), 0)?.id).toBe('a');
    expect(table.match(client('198.51.100.77'), 0)?.id).toBe('b');
    expect(table.match(client('203.0.113.1'), 0)).toBeUndefined();
  });

  it('matches an IPv6 /64 decision through the client prefix', () => {
    const table = createDecisionTable([decision({ value: '2001:db8:1:2::/64' })]);
    expect(table.match(client('2001:db8:1:2::9', '2001:db8:1:2::/64'), 0)).toBeDefined();
  });

  it('ignores expired decisions', () => {
    const table = createDecisionTable([decision({ expires: 1000 })]);
    expect(table.match(client('192.0.2.1'), 999)).toBeDefined();
    expect(table.match(client('192.0.2.1'), 1000)).toBeUndefined();
    expect(table.list(1000)).toEqual([]);
  });

  it('replaces a decision with the same id and removes by id', () => {
    const table = createDecisionTable([decision({})]);
    table.add(decision({ value: '192.0.2.2' }));
    expect(table.size).toBe(1);
    expect(table.match(client('192.0.2.1'), 0)).toBeUndefined();
    expect(table.remove('d1')).toBe(true);
    expect(table.remove('d1')).toBe(false);
    expect(table.match(client('192.0.2.2'), 0)).toBeUndefined();
  });

  it('refuses a malformed range', () => {
    expect(() => createDecisionTable([decision({ scope: 'cidr', value: '10.0.0.0/99' })])).toThrow(
      /invalid CIDR/,
    );
  });
});

describe('decision table pruning', () => {
  it('forgets expired decisions and keeps the rest', () => {
    const table = createDecisionTable();
    const base = {
      action: 'block' as const,
      reason: 'r',
      source: 'agent' as const,
      created: 0,
      createdBy: 't',
    };
    table.add({ ...base, id: 'a', scope: 'ip', value: '192.0.2.1', expires: 100 });
    table.add({ ...base, id: 'b', scope: 'cidr', value: '198.51.100.0/24', expires: 100 });
    table.add({ ...base, id: 'c', scope: 'ip', value: '192.0.2.2', expires: null });
    expect(table.prune(200)).toBe(2);
    expect(table.size).toBe(1);
    expect(table.list(200).map((d) => d.id)).toEqual(['c']);
  });
});
