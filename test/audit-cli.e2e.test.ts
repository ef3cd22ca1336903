import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../src/core/index.js';
import { auditHash } from '../src/guardian/audit-hash.js';
import { createAuditLog } from '../src/guardian/index.js';
import { createSqliteAuditStore, openSqlite, type SqliteDatabase } from '../src/store/index.js';
import { childEnv, ROOT } from './helpers/gateway-process.js';
import { runBin } from './helpers/run-bin.js';
import { makeTempDir } from './helpers/temp-dir.js';

/** A row of the `audit` table. */
type AuditRow = Omit<AuditEntry, 'details' | 'prevHash'> & { details: string; prev_hash: string };

const DAY = 86_400_000;
const MAY_1 = Date.UTC(2024, 4, 1);

describe('infinisec audit', () => {
  const dir = makeTempDir();
  let n = 0;
  afterAll(() => dir.remove());

  /** A data dir of its own, its config file, and an audit log with `count` entries, one a day from May 1st. */
  async function logWith(count: number): Promise<{ config: string; db: SqliteDatabase; file: string }> {
    const dataDir = join(dir.path, `data-${n}`);
    const config = join(dir.path, `infinisec-${n++}.yaml`);
    writeFileSync(config, JSON.stringify({ store: { driver: 'sqlite', dataDir } }));
    mkdirSync(dataDir);
    const file = join(dataDir, 'infinisec.db');
    const db = openSqlite(file);
    const log = createAuditLog(createSqliteAuditStore(db));
    for (let i = 0; i < count; i++)
      await log.append({
        time: MAY_1 + i * DAY,
        actor: i === 1 ? '=cmd|calc' : `user:u${i + 1}`,
        action: 'decision.create',
        target: `d${i + 1}`,
        outcome: 'success',
        ip: i % 2 === 0 ? '192.0.2.1' : '2001:db8::1',
        details: { value: `198.51.100.${i + 1}`, note: 'a,b "c"\nd' },
      });
    return { config, db, file };
  }

  const audit = (config: string, ...args: string[]) =>
    runBin(['audit', ...args, '--config', config], dir.path);

  it('says an untouched chain is intact, and names its head', async () => {
    const { config, db } = await logWith(5);
    const run = await audit(config, 'verify');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('audit chain intact: 5 entries\n');
    const head = db.prepare('SELECT hash FROM audit WHERE seq = 5').get() as { hash: string };
    expect(run.stdout).toContain(`head: entry 5, hash ${head.hash}`);
    db.close();
  });

  const tamperings: [string, (db: SqliteDatabase) => void, RegExp][] = [
    [
      'an edited row',
      (db) => db.exec(`UPDATE audit SET details = '{"value":"x"}' WHERE seq = 3`),
      /entry 3 \(changed\)/,
    ],
    ['a deleted row', (db) => db.exec('DELETE FROM audit WHERE seq = 2'), /entry 2 \(removed\)/],
    [
      'two rows swapped',
      (db) =>
        db.exec(`UPDATE audit SET position = -2 WHERE seq = 2;
                 UPDATE audit SET position = 2 WHERE seq = 4;
                 UPDATE audit SET position = 4 WHERE position = -2;`),
      /entry 2 \(reordered\)/,
    ],
    ['the last row cut off', (db) => db.exec('DELETE FROM audit WHERE seq = 5'), /entry 5 \(truncated\)/],
    [
      'a row edited and its hash recomputed',
      (db) => {
        // The stored entry, as the store reads it back, with another actor and the hash that now fits.
        const row = db.prepare('SELECT * FROM audit WHERE seq = 3').get() as AuditRow;
        const { seq, time, action, target, outcome, ip } = row;
        const forged: Omit<AuditEntry, 'hash'> = {
          seq,
          time,
          actor: 'user:mallory',
          action,
          target,
          outcome,
          ip,
          details: JSON.parse(row.details),
          prevHash: row.prev_hash,
        };
        db.prepare('UPDATE audit SET actor = ?, hash = ? WHERE seq = 3').run(forged.actor, auditHash(forged));
      },
      /entry 3 \(changed\)/,
    ],
  ];
  for (const [what, tamper, named] of tamperings) {
    it(`fails on ${what} and names the entry`, async () => {
      const { config, db } = await logWith(5);
      tamper(db);
      db.close();
      const run = await audit(config, 'verify');
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/^audit chain broken at entry \d+ \(\w+\): /);
      expect(run.stdout).toMatch(named);
    });
  }

  it('exports JSON Lines with every field as stored', async () => {
    const { config, db } = await logWith(3);
    const stored = await createSqliteAuditStore(db).list();
    const run = await audit(config, 'export');
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(stored);
    db.close();
  });

  it('exports CSV with a header row, quoted cells and formulas made harmless', async () => {
    const { config, db } = await logWith(3);
    db.close();
    const run = await audit(config, 'export', '--format', 'csv');
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('seq,time,actor,action,target,outcome,ip,details,prev_hash,hash\r\n')).toBe(
      true,
    );
    expect(run.stdout).toContain(
      `\r\n2,2024-05-02T00:00:00.000Z,'=cmd|calc,decision.create,d2,success,2001:db8::1,`,
    );
    expect(run.stdout).toContain('"{""note"":""a,b \\""c\\""\\nd"",""value"":""198.51.100.1""}"');
    expect(run.stdout.match(/\r\n\d+,2024-/g)).toHaveLength(3);
  });

  it('exports CEF, one line an entry', async () => {
    const { config, db } = await logWith(3);
    db.close();
    const run = await audit(config, 'export', '--format', 'cef');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines)
      expect(line).toMatch(
        /^CEF:0\|Infinite Security\|infinisec\|\d+\.\d+\.\d+\|decision\.create\|decision\.create\|3\|rt=\d+ /,
      );
    expect(lines[0]).toContain(' src=192.0.2.1 ');
    expect(lines[1]).toContain(' c6a2=2001:db8::1 ');
    expect(lines[1]).toContain(' suser=\\=cmd|calc ');
  });

  it('exports a time range: --from inclusive, --to exclusive', async () => {
    const { config, db } = await logWith(5);
    db.close();
    const run = await audit(config, 'export', '--from', '2024-05-02', '--to', '2024-05-04T00:00:00Z');
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).seq),
    ).toEqual([2, 3]);
  });

  it('refuses a bad format, a bad date or an unknown action with a usage error', async () => {
    const { config, db } = await logWith(1);
    db.close();
    for (const args of [['export', '--format', 'xml'], ['export', '--from', 'soon'], ['check'], []]) {
      const run = await audit(config, ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('INFINISEC_ERR_CLI_USAGE');
    }
  });

  it('keeps one chain when several processes append at once', async () => {
    const { config, db, file } = await logWith(0);
    db.close();
    const script = `
      const { createSqliteAuditStore, openSqlite } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/store/index.js')).href)});
      const { createAuditLog } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/guardian/index.js')).href)});
      const log = createAuditLog(createSqliteAuditStore(openSqlite(process.argv[1])));
      // All start at once, so their appends overlap.
      await new Promise((r) => setTimeout(r, Number(process.argv[2]) - Date.now()));
      for (let i = 0; i < 300; i++)
        await log.append({ actor: 'worker:' + process.pid, action: 'test.append', target: String(i), outcome: 'success', ip: '', details: { i } });
    `;
    const startAt = String(Date.now() + 2000);
    const codes = await Promise.all(
      Array.from(
        { length: 4 },
        () =>
          new Promise<number | null>((resolve, reject) => {
            const child = spawn(process.execPath, ['--input-type=module', '-e', script, file, startAt], {
              env: childEnv(),
              stdio: ['ignore', 'ignore', 'inherit'],
            });
            child.once('error', reject);
            child.once('close', resolve);
          }),
      ),
    );
    expect(codes).toEqual([0, 0, 0, 0]);
    const run = await audit(config, 'verify');
    expect(run.stdout).toContain('audit chain intact: 1200 entries');
    expect(run.code).toBe(0);
  }, 30_000);
});
