import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInfinisecError } from '../core/index.js';
import { createSqliteSecretStore } from '../store/sqlite/create-sqlite-secret-store.js';
import { openSqlite } from '../store/sqlite/open-sqlite.js';
import { rotateSecrets } from './rotate-secrets.js';
import { createSecretBox } from './secret-box.js';

const dir = mkdtempSync(join(tmpdir(), 'infinisec-rotate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function seeded() {
  const store = createSqliteSecretStore(openSqlite(join(dir, `rotate-${n++}.db`)));
  const old = createSecretBox(randomBytes(32));
  for (const [name, value] of [
    ['totp:u1', 'one'],
    ['jwt:k1', 'two'],
    ['webhook:w', 'three'],
  ] as const)
    await store.put({ name, sealed: old.seal(name, value), updated: 1 });
  return { store, old };
}

describe('rotateSecrets', () => {
  it('re-seals every secret under the new key, which opens them and the old one no longer does', async () => {
    const { store, old } = await seeded();
    const next = createSecretBox(randomBytes(32));
    expect(await rotateSecrets(store, old, next, () => 99)).toBe(3);
    const secrets = await store.list();
    expect(secrets.map((s) => [s.name, next.open(s.name, s.sealed).toString(), s.updated])).toEqual([
      ['jwt:k1', 'two', 99],
      ['totp:u1', 'one', 99],
      ['webhook:w', 'three', 99],
    ]);
    for (const s of secrets) expect(s.sealed.startsWith(`v1.${next.keyId}.`)).toBe(true);
    expect(() => old.open(secrets[0]!.name, secrets[0]!.sealed)).toThrow(/secret cannot be decrypted/);
    await store.close();
  });

  it('changes nothing when one secret does not open with the old key', async () => {
    const { store, old } = await seeded();
    const stranger = createSecretBox(randomBytes(32));
    await store.put({ name: 'zz:foreign', sealed: stranger.seal('zz:foreign', 'x'), updated: 1 });
    const before = await store.list();
    const err = await rotateSecrets(store, old, createSecretBox(randomBytes(32))).catch((e: unknown) => e);
    expect(isInfinisecError(err, 'INFINISEC_ERR_SECRET_OPEN')).toBe(true);
    expect(await store.list()).toEqual(before);
    await store.close();
  });

  it('rotates an empty store', async () => {
    const store = createSqliteSecretStore(openSqlite(join(dir, 'empty.db')));
    expect(
      await rotateSecrets(store, createSecretBox(randomBytes(32)), createSecretBox(randomBytes(32))),
    ).toBe(0);
    await store.close();
  });
});
