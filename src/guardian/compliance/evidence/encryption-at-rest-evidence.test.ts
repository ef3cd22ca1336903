import { describe, expect, it } from 'vitest';
import { type AtRestFacts, encryptionAtRestEvidence } from './encryption-at-rest-evidence.js';

const facts = (overrides: Partial<AtRestFacts> = {}): AtRestFacts => ({
  driver: 'sqlite',
  sealedByKey: { ab12cd34: 3 },
  key: { source: 'file', path: '/data/secret.key', mode: 0o100600 },
  pendingRotation: false,
  databaseFiles: [
    { path: '/data/infinisec.db', mode: 0o100600 },
    { path: '/data/infinisec.db-wal', mode: undefined },
  ],
  ...overrides,
});

describe('encryptionAtRestEvidence', () => {
  it('warns at best: secrets are sealed, the database relies on disk encryption', () => {
    const evidence = encryptionAtRestEvidence(facts());
    expect(evidence.status).toBe('warn');
    expect(evidence.finding).toMatch(/3 secrets are sealed with AES-256-GCM.*disk encryption is relied on/);
    expect(evidence.details).toContainEqual({
      label: 'secret key',
      value: 'key file /data/secret.key, mode 0600',
    });
    expect(evidence.details).toContainEqual({
      label: 'database file /data/infinisec.db',
      value: 'mode 0600',
    });
    expect(evidence.details.map((d) => d.label)).not.toContain('database file /data/infinisec.db-wal');
  });

  it('fails when the key file or a database file is readable by others', () => {
    const key = encryptionAtRestEvidence(
      facts({ key: { source: 'file', path: '/data/secret.key', mode: 0o644 } }),
    );
    expect(key.status).toBe('fail');
    expect(key.finding).toContain('/data/secret.key (mode 0644)');
    const db = encryptionAtRestEvidence(
      facts({ databaseFiles: [{ path: '/data/infinisec.db', mode: 0o640 }] }),
    );
    expect(db.status).toBe('fail');
  });

  it('says where an environment key comes from, and that a rotation is unfinished', () => {
    const evidence = encryptionAtRestEvidence(facts({ key: { source: 'env' }, pendingRotation: true }));
    expect(evidence.details).toContainEqual({
      label: 'secret key',
      value: 'from the environment (INFINISEC_SECRET_KEY)',
    });
    expect(evidence.finding).toContain('rotate-key');
  });

  it('judges nothing for a memory store', () => {
    expect(
      encryptionAtRestEvidence(facts({ driver: 'memory', key: { source: 'memory' }, databaseFiles: [] }))
        .status,
    ).toBe('info');
  });
});
