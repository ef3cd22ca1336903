import { describe, expect, it } from 'vitest';
import { auditChainEvidence } from './audit-chain-evidence.js';

describe('auditChainEvidence', () => {
  it('passes for an intact chain and names its head', () => {
    const evidence = auditChainEvidence({ ok: true, entries: 5, head: { seq: 5, hash: 'ab'.repeat(64) } });
    expect(evidence.status).toBe('pass');
    expect(evidence.finding).toContain('5 audit entries');
    expect(evidence.details).toContainEqual({ label: 'head', value: `entry 5, ${'ab'.repeat(64)}` });
  });

  it('warns for an empty log', () => {
    expect(auditChainEvidence({ ok: true, entries: 0, head: undefined }).status).toBe('warn');
  });

  it('fails for a broken chain, naming the first problem', () => {
    const evidence = auditChainEvidence({
      ok: false,
      entries: 2,
      problem: {
        kind: 'changed',
        seq: 3,
        message: 'entry 3 was changed: its contents no longer match its hash',
      },
    });
    expect(evidence.status).toBe('fail');
    expect(evidence.finding).toContain('broken at entry 3 (changed)');
    expect(evidence.details).toContainEqual({ label: 'entries verified before the break', value: '2' });
  });
});
