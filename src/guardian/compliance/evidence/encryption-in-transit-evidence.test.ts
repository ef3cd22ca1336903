import { describe, expect, it } from 'vitest';
import { encryptionInTransitEvidence } from './encryption-in-transit-evidence.js';

describe('encryptionInTransitEvidence', () => {
  it('passes when every link uses TLS or stays on loopback', () => {
    const evidence = encryptionInTransitEvidence([
      { name: 'public listener 0.0.0.0:443', tls: 'on', loopback: false },
      { name: 'control listener 127.0.0.1:9090', tls: 'off', loopback: true },
    ]);
    expect(evidence.status).toBe('pass');
    expect(evidence.details).toContainEqual({
      label: 'control listener 127.0.0.1:9090',
      value: 'clear text on loopback only',
    });
  });

  it('warns for clear text off the machine, and for TLS that checks no certificate', () => {
    const evidence = encryptionInTransitEvidence([
      { name: 'public listener 0.0.0.0:8080', tls: 'off', loopback: false },
      { name: 'PostgreSQL db:5432', tls: 'unverified', loopback: false },
    ]);
    expect(evidence.status).toBe('warn');
    expect(evidence.finding).toContain('public listener 0.0.0.0:8080 (clear text)');
    expect(evidence.finding).toContain('PostgreSQL db:5432 (TLS without a certificate check)');
  });
});
