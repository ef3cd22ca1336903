import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_MAGIC, type BackupManifest } from './backup-manifest.js';
import { readBackupFile } from './read-backup-file.js';
import { planRestore } from './restore-plan.js';
import { writeBackupFile } from './write-backup-file.js';

const dir = mkdtempSync(join(tmpdir(), 'infinisec-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const path = (name = 'b') => join(dir, `${name}-${n++}.backup`);

const HEADER: Omit<BackupManifest, 'parts' | 'encrypted'> = {
  format: BACKUP_FORMAT,
  product: 'infinisec',
  version: '1.2.3',
  created: '2024-05-01T12:00:00.000Z',
  driver: 'postgres',
  schemaVersion: 3,
  tables: { users: 2, audit: 0 },
  audit: { entries: 0, head: null },
  secretKey: 'file',
  configFile: '/etc/infinisec/infinisec.yaml',
};

// Large enough to span many gzip and stream chunks.
const BIG = randomBytes(300_000).toString('base64');
const PARTS = [
  { name: 'tables/users.jsonl', data: Buffer.from(`{"id":"u1"}\n{"id":"u2","note":"${BIG}"}\n`) },
  { name: 'tables/audit.jsonl', data: Buffer.alloc(0) },
  { name: 'config', data: Buffer.from('store:\n  driver: postgres\n') },
  { name: 'keys/secret.key', data: Buffer.from(`${randomBytes(32).toString('base64')}\n`) },
];

async function readParts(file: string, passphrase?: string): Promise<Record<string, Buffer>> {
  const parts: Record<string, Buffer> = {};
  await readBackupFile(file, {
    passphrase,
    async onPart(part, chunks) {
      const pieces: Buffer[] = [];
      for await (const chunk of chunks) pieces.push(chunk);
      parts[part.name] = Buffer.concat(pieces);
    },
  });
  return parts;
}

/** A gzip file with the given content lines, as a forged or foreign backup would be. */
function forged(content: string): string {
  const file = path('forged');
  writeFileSync(file, gzipSync(Buffer.from(content)));
  return file;
}

describe('backup files', () => {
  it('give back every part byte for byte, with the manifest as written', async () => {
    const file = path();
    const written = await writeBackupFile(file, HEADER, PARTS);
    expect(written.manifest.encrypted).toBe(false);
    expect(written.manifest.parts.map((p) => [p.name, p.bytes])).toEqual(
      PARTS.map((p) => [p.name, p.data.length]),
    );
    expect(await readBackupFile(file)).toEqual(written.manifest);
    const parts = await readParts(file);
    for (const part of PARTS) expect(parts[part.name]).toEqual(part.data);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('encrypted, open with the passphrase only, and fail at the end when a byte changed', async () => {
    const file = path();
    await writeBackupFile(file, HEADER, PARTS, 'a long enough passphrase');
    expect(readFileSync(file).includes(Buffer.from(BACKUP_MAGIC))).toBe(false);
    expect((await readParts(file, 'a long enough passphrase'))['keys/secret.key']).toEqual(PARTS[3]!.data);
    await expect(readBackupFile(file, { passphrase: 'another passphrase' })).rejects.toThrow(
      /the passphrase does not open this backup/,
    );
    const bytes = readFileSync(file);
    bytes[bytes.length - 20]! ^= 0x80;
    const altered = path();
    writeFileSync(altered, bytes);
    await expect(readBackupFile(altered, { passphrase: 'a long enough passphrase' })).rejects.toThrow(
      /altered or damaged|compressed data is damaged/,
    );
  });

  it('are refused when cut short, followed by more data, or not a backup at all', async () => {
    const file = path();
    await writeBackupFile(file, HEADER, PARTS);
    const bytes = readFileSync(file);
    const cut = path();
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    await expect(readBackupFile(cut)).rejects.toThrow(/damaged|cut short/);

    const manifest = JSON.stringify({ ...HEADER, encrypted: false, parts: [] });
    await expect(readBackupFile(forged(`${BACKUP_MAGIC}\n${manifest}\nmore`))).rejects.toThrow(
      /there is data after the last part/,
    );
    await expect(readBackupFile(forged('hello\n'))).rejects.toThrow(/is not an infinisec backup/);
    await expect(readBackupFile(join(dir, 'missing.backup'))).rejects.toThrow(/cannot be read/);
  });

  it('of a newer format, or with a manifest that does not hold, are refused by name', async () => {
    const newer = JSON.stringify({ ...HEADER, format: BACKUP_FORMAT + 1 });
    await expect(readBackupFile(forged(`${BACKUP_MAGIC}\n${newer}\n`))).rejects.toThrow(
      `backup format ${BACKUP_FORMAT + 1} is newer than this infinisec reads`,
    );
    const badHash = JSON.stringify({
      ...HEADER,
      encrypted: false,
      parts: [{ name: 'config', bytes: 1, sha256: 'x' }],
    });
    await expect(readBackupFile(forged(`${BACKUP_MAGIC}\n${badHash}\n`))).rejects.toThrow(
      /the manifest is not valid \(parts\.0\.sha256/,
    );
  });

  it('map to a restore only when every part is known and every table has its part', async () => {
    const manifest = (await writeBackupFile(path(), HEADER, PARTS)).manifest;
    const plan = planRestore('f', manifest);
    expect([...plan.tables]).toEqual([
      ['tables/users.jsonl', 'users'],
      ['tables/audit.jsonl', 'audit'],
    ]);
    expect([...plan.files]).toEqual([
      ['keys/secret.key', 'secret.key'],
      ['config', 'restored-infinisec.yaml'],
    ]);
    const stranger = {
      ...manifest,
      parts: [...manifest.parts, { ...manifest.parts[0]!, name: 'keys/ssh.key' }],
    };
    expect(() => planRestore('f', stranger)).toThrow(/does not know: keys\/ssh\.key/);
    const missing = { ...manifest, parts: manifest.parts.slice(1) };
    expect(() => planRestore('f', missing)).toThrow(/lists no tables\/users\.jsonl part/);
  });
});
