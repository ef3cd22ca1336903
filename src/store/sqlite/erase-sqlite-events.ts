import { setImmediate as nextTurn } from 'node:timers/promises';
import { addressNeedle, mentionsAddress, valueMentionsAddress } from '../mentions-address.js';
import type { RolledUpEvent } from './event-rollups.js';
import type { SqliteDatabase } from './open-sqlite.js';

/** Rows deleted or read per step of an erasure; the event loop gets a turn between steps. */
const ERASE_CHUNK = 1000;

const TAKEN = 'RETURNING time, site, client, action, categories, path, total_ms';

/** What one step of an erasure removed, and the last seq it read (undefined when there is no more). */
interface EraseStep {
  readonly removed: number;
  readonly last: number | undefined;
}

interface Candidate {
  readonly seq: number;
  readonly body: string;
}

interface RollupRow {
  readonly kind: string;
  readonly minute: number;
  readonly site: string;
  readonly key: string;
}

/**
 * Removes a client's events, and those that mention its address as a whole address anywhere in their record,
 * taking each out of the rollups as it goes, so that the rollups go on counting exactly the events that
 * remain. The client's own events come from its index; the rest from a scan for the address's text, each
 * confirmed in JavaScript. Returns how many events it removed.
 * @example const erase = createSqliteEventEraser(db, createRollupWriter(db)); await erase('203.0.113.7');
 */
export function createSqliteEventEraser(
  db: SqliteDatabase,
  rollUp: (events: readonly RolledUpEvent[], sign: 1 | -1) => void,
): (ip: string) => Promise<number> {
  const takeClient = db.prepare(
    `DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE client = ? LIMIT ?) ${TAKEN}`,
  );
  const candidatesIn = (body: string) =>
    db.prepare(`SELECT seq, body FROM events WHERE seq > ? AND instr(${body}, ?) > 0 ORDER BY seq LIMIT ?`);
  const candidates = { exact: candidatesIn('body'), lower: candidatesIn('lower(body)') };
  const take = db.prepare(`DELETE FROM events WHERE seq = ? ${TAKEN}`);
  const rollupsIn = (key: string) =>
    db.prepare(`SELECT kind, minute, site, key FROM event_rollups WHERE instr(${key}, ?) > 0`);
  const rollups = { exact: rollupsIn('key'), lower: rollupsIn('lower(key)') };
  const dropRollup = db.prepare(
    'DELETE FROM event_rollups WHERE kind = ? AND minute = ? AND site = ? AND key = ?',
  );

  const clientStep = db.transaction((ip: string) => {
    const taken = takeClient.all(ip, ERASE_CHUNK) as RolledUpEvent[];
    rollUp(taken, -1);
    return taken.length;
  });
  // The candidates after `after`, those that mention the address deleted; the last seq read, or undefined
  // when there are no more.
  const mentionStep = db.transaction((ip: string, after: number) => {
    const needle = addressNeedle(ip)!;
    const read = (needle.lower ? candidates.lower : candidates.exact).all(after, needle.text, ERASE_CHUNK);
    const taken: RolledUpEvent[] = [];
    for (const row of read as Candidate[])
      if (valueMentionsAddress(JSON.parse(row.body), ip)) taken.push(take.get(row.seq) as RolledUpEvent);
    rollUp(taken, -1);
    return {
      removed: taken.length,
      last: read.length < ERASE_CHUNK ? undefined : (read.at(-1) as Candidate).seq,
    };
  });
  // Once every event that named the address is gone, no rollup row keyed by it counts anything; any left
  // (client and path keys) go, so that the address is nowhere in the events' tables.
  const scrubRollups = db.transaction((ip: string) => {
    const needle = addressNeedle(ip)!;
    const rows = (needle.lower ? rollups.lower : rollups.exact).all(needle.text) as RollupRow[];
    for (const row of rows)
      if (mentionsAddress(row.key, ip)) dropRollup.run(row.kind, row.minute, row.site, row.key);
  });

  return async (ip) => {
    if (addressNeedle(ip) === undefined) return 0;
    // The client's index shrinks with each step, so the steps end once it holds none of its events.
    let taken = clientStep(ip);
    let removed = taken;
    while (taken === ERASE_CHUNK) {
      await nextTurn();
      taken = clientStep(ip);
      removed += taken;
    }
    let after: number | undefined = 0;
    while (after !== undefined) {
      const step: EraseStep = mentionStep(ip, after);
      removed += step.removed;
      after = step.last;
      if (after !== undefined) await nextTurn();
    }
    scrubRollups(ip);
    return removed;
  };
}
