import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../core/index.js';
import type { AuditStore } from '../store/audit-store.js';
import { createSqliteAuditStore } from '../store/sqlite/create-sqlite-audit-store.js';
import { openSqlite, type SqliteDatabase } from '../store/sqlite/open-sqlite.js';
import { auditHash } from './audit-hash.js';
import { createAuditLog } from './audit-log.js';
import type { AuditProblemKind } from './verify-audit-chain.js';

const dir = mkdtempSync(join(tmpdir(), 'infinisec-audit-chain-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** A SQLite audit log with six entries, and its database for tampering by hand. */
async function sixEntries(): Promise<{
  db: SqliteDatabase;
  store: AuditStore;
  verify: () => Promise<unknown>;
}> {
  const db = openSqlite(join(dir, `chain-${n++}.db`));
  const store = createSqliteAuditStore(db);
  const log = createAuditLog(store, () => 1_700_000_000_000);
  for (let i = 1; i <= 6; i++)
    await log.append({
      actor: `user:u${i}`,
      action: 'decision.create',
      target: `d${i}`,
      outcome: 'success',
      ip: '192.0.2.1',
      details: { i, tags: ['a', 'b'] },
    });
  return { db, store, verify: () => log.verify() };
}

const row = (db: SqliteDatabase, seq: number) =>
  db.prepare('SELECT * FROM audit WHERE seq = ?').get(seq) as Record<string, string | number>;

const entryOf = (r: Record<string, string | number>): Omit<AuditEntry, 'hash'> => ({
  seq: r.seq as number,
  time: r.time as number,
  actor: r.actor as string,
  action: r.action as string,
  target: r.target as string,
  outcome: r.outcome as 'success',
  ip: r.ip as string,
  details: JSON.parse(r.details as string),
  prevHash: r.prev_hash as string,
});

/** Rewrites a row's fields and gives it the hash its new contents have, as an attacker with the code would. */
function forge(db: SqliteDatabase, seq: number, change: Partial<AuditEntry>): void {
  const entry = { ...entryOf(row(db, seq)), ...change };
  db.prepare(
    `UPDATE audit SET seq = @seq, actor = @actor, details = @details, prev_hash = @prevHash, hash = @hash
     WHERE seq = ${seq}`,
  ).run({ ...entry, details: JSON.stringify(entry.details), hash: auditHash(entry) });
}

const problem = (kind: AuditProblemKind, seq: number) => ({
  ok: false,
  entries: seq - 1,
  problem: expect.objectContaining({ kind, seq, message: expect.stringMatching(new RegExp(`\\b${seq}\\b`)) }),
});

describe('verifying the audit chain against a tampered SQLite table', () => {
  it('finds an untouched chain intact', async () => {
    const { db, verify } = await sixEntries();
    expect(await verify()).toEqual({ ok: true, entries: 6, head: { seq: 6, hash: row(db, 6).hash } });
  });

  describe('(a) an update of any column of one row: changed, at that entry', () => {
    const updates: [string, string][] = [
      ['details', `details = '{"i":3,"tags":["a"]}'`],
      ['details as broken JSON', `details = '{"i":3'`],
      ['actor', "actor = 'user:mallory'"],
      ['action', "action = 'decision.delete'"],
      ['target', "target = 'd99'"],
      ['outcome', "outcome = 'failure'"],
      ['ip', "ip = '203.0.113.9'"],
      ['time', 'time = time + 1'],
      ['hash', "hash = replace(hash, substr(hash, 1, 1), 'x')"],
      ['prev_hash', "prev_hash = 'x' || substr(prev_hash, 2)"],
      ['seq, to a free number', 'seq = 9'],
      ['seq, to a taken number', 'seq = 4'],
    ];
    for (const [column, set] of updates) {
      it(column, async () => {
        const { db, verify } = await sixEntries();
        db.prepare(`UPDATE audit SET ${set} WHERE seq = 3`).run();
        expect(await verify()).toEqual(problem('changed', 3));
      });
    }

    it('the first and the last entry', async () => {
      for (const seq of [1, 6]) {
        const { db, verify } = await sixEntries();
        db.prepare(`UPDATE audit SET actor = 'user:mallory' WHERE seq = ${seq}`).run();
        expect(await verify()).toEqual(problem('changed', seq));
      }
    });
  });

  describe('(b) a deleted row: removed, naming the missing entry', () => {
    it('in the middle', async () => {
      const { db, verify } = await sixEntries();
      db.prepare('DELETE FROM audit WHERE seq = 3').run();
      expect(await verify()).toEqual(problem('removed', 3));
    });

    it('several in a row, and the first', async () => {
      const { db, verify } = await sixEntries();
      db.prepare('DELETE FROM audit WHERE seq IN (3, 4)').run();
      expect(await verify()).toEqual(problem('removed', 3));
      expect(((await verify()) as { problem: { message: string } }).problem.message).toMatch(/entries 3–4/);
      const other = await sixEntries();
      other.db.prepare('DELETE FROM audit WHERE seq = 1').run();
      expect(await other.verify()).toEqual(problem('removed', 1));
    });
  });

  describe('(c) rows moved: reordered, naming the first entry out of place', () => {
    it('two rows swap positions', async () => {
      const { db, verify } = await sixEntries();
      db.transaction(() => {
        db.prepare('UPDATE audit SET position = -1 WHERE seq = 2').run();
        db.prepare('UPDATE audit SET position = 2 WHERE seq = 5').run();
        db.prepare('UPDATE audit SET position = 5 WHERE seq = 2').run();
      })();
      expect(await verify()).toEqual(problem('reordered', 2));
    });

    it('two rows swap every column', async () => {
      const { db, verify } = await sixEntries();
      const [third, fourth] = [row(db, 3), row(db, 4)];
      const put = db.prepare(
        `UPDATE audit SET seq = @seq, time = @time, actor = @actor, action = @action, target = @target,
         outcome = @outcome, ip = @ip, details = @details, prev_hash = @prev_hash, hash = @hash
         WHERE position = @at`,
      );
      put.run({ ...fourth, at: third.position });
      put.run({ ...third, at: fourth.position });
      expect(await verify()).toEqual(problem('reordered', 3));
    });

    it('a row moved to the end, or to the front', async () => {
      const { db, verify } = await sixEntries();
      db.prepare('UPDATE audit SET position = 100 WHERE seq = 3').run();
      expect(await verify()).toEqual(problem('reordered', 3));
      const other = await sixEntries();
      other.db.prepare('UPDATE audit SET position = 0 WHERE seq = 6').run();
      expect(await other.verify()).toEqual(problem('reordered', 1));
    });
  });

  describe('(d) rows cut from the end: truncated, found through the head', () => {
    it('the last row, the last two, every row', async () => {
      for (const [where, seq] of [
        ['seq = 6', 6],
        ['seq >= 5', 5],
        ['1 = 1', 1],
      ] as const) {
        const { db, verify } = await sixEntries();
        db.prepare(`DELETE FROM audit WHERE ${where}`).run();
        expect(await verify(), where).toEqual(problem('truncated', seq));
      }
    });
  });

  describe('(e) a forged row inserted: inserted', () => {
    const insert = (db: SqliteDatabase, position: number, entry: Omit<AuditEntry, 'hash'>, hash: string) =>
      db
        .prepare(
          `INSERT INTO audit (position, seq, time, actor, action, target, outcome, ip, details, prev_hash, hash)
           VALUES (@position, @seq, @time, @actor, @action, @target, @outcome, @ip, @details, @prevHash, @hash)`,
        )
        .run({ ...entry, position, details: JSON.stringify(entry.details), hash });

    it('after the last row, with or without a correct hash', async () => {
      for (const correct of [false, true]) {
        const { db, verify } = await sixEntries();
        const last = row(db, 6);
        const forged = { ...entryOf(last), seq: 7, prevHash: last.hash as string, actor: 'user:mallory' };
        insert(db, 100, forged, correct ? auditHash(forged) : 'f'.repeat(128));
        expect(await verify()).toEqual(problem('inserted', 7));
      }
    });

    it('in the middle, under a number of its own or one already taken', async () => {
      for (const seq of [99, 2]) {
        const { db, verify } = await sixEntries();
        db.prepare('UPDATE audit SET position = position * 10').run();
        const forged = { ...entryOf(row(db, 2)), seq, actor: 'user:mallory' };
        insert(db, 25, forged, auditHash(forged));
        expect(await verify()).toEqual(problem('inserted', 3));
      }
    });

    it('rows with no head at all', async () => {
      const { db, verify } = await sixEntries();
      db.prepare('DELETE FROM audit_head').run();
      expect(await verify()).toEqual(problem('inserted', 1));
    });
  });

  describe('(f) a row edited and its hash recomputed: changed, at the edited entry', () => {
    it('in the middle: the next entry no longer links to it', async () => {
      const { db, verify } = await sixEntries();
      forge(db, 3, { actor: 'user:mallory' });
      expect(await verify()).toEqual(problem('changed', 3));
    });

    it('the first and the last (found through the head)', async () => {
      for (const seq of [1, 6]) {
        const { db, verify } = await sixEntries();
        forge(db, seq, { details: { i: seq, tags: [] } });
        expect(await verify()).toEqual(problem('changed', seq));
      }
    });

    it('but not a chain rewritten to its end, head included: anchor the head outside to catch that', async () => {
      const { db, verify } = await sixEntries();
      forge(db, 5, { actor: 'user:mallory' });
      forge(db, 6, { prevHash: row(db, 5).hash as string });
      db.prepare('UPDATE audit_head SET hash = ?').run(row(db, 6).hash);
      expect(await verify()).toMatchObject({ ok: true, entries: 6 });
    });
  });

  it('counts an entry appended while it verifies, and does not call it inserted', async () => {
    const { store } = await sixEntries();
    const log = createAuditLog(store);
    let appended = false;
    const racing: AuditStore = {
      ...store,
      async head() {
        const head = await store.head();
        if (!appended) {
          appended = true;
          await log.append({
            actor: 'system',
            action: 'x',
            target: '',
            outcome: 'success',
            ip: '',
            details: {},
          });
        }
        return head;
      },
    };
    expect(await createAuditLog(racing).verify()).toMatchObject({ ok: true, entries: 7, head: { seq: 7 } });
  });
});
