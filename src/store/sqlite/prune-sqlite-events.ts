import { setImmediate as nextTurn } from 'node:timers/promises';
import { minuteOf, ROLLUP_KINDS, type RolledUpEvent } from './event-rollups.js';
import type { SqliteDatabase } from './open-sqlite.js';

/** Rows deleted per statement when pruning; the event loop gets a turn between chunks. */
const PRUNE_CHUNK = 5000;

// Runs a chunk until one comes back short; returns how many rows the chunks removed.
async function inChunks(chunk: () => number): Promise<number> {
  let removed = 0;
  for (;;) {
    const changes = chunk();
    removed += changes;
    if (changes < PRUNE_CHUNK) return removed;
    await nextTurn();
  }
}

/**
 * Removes events older than a time, and their rollups, so that the rollups go on counting exactly the events
 * that remain: the minutes wholly before the cutoff lose their rollup rows; the events of the cutoff's own
 * minute that go are taken out of that minute's rows. Returns how many events it removed.
 * @example const prune = createSqliteEventPruner(db, createRollupWriter(db)); await prune(Date.now() - WEEK);
 */
export function createSqliteEventPruner(
  db: SqliteDatabase,
  rollUp: (events: readonly RolledUpEvent[], sign: 1 | -1) => void,
): (before: number) => Promise<number> {
  const dropEvents = db.prepare(
    'DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE time < ? LIMIT ?)',
  );
  const dropRollups = db.prepare(
    `DELETE FROM event_rollups WHERE (kind, minute, site, key) IN (
       SELECT kind, minute, site, key FROM event_rollups WHERE kind = ? AND minute < ? LIMIT ?)`,
  );
  const takeEvents = db.prepare(
    `DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE time >= ? AND time < ? LIMIT ?)
     RETURNING time, site, client, action, categories, path, total_ms`,
  );
  const takeOut = db.transaction((from: number, before: number) => {
    const taken = takeEvents.all(from, before, PRUNE_CHUNK) as RolledUpEvent[];
    rollUp(taken, -1);
    return taken.length;
  });
  return async (before) => {
    const cutoff = minuteOf(before);
    let removed = await inChunks(() => dropEvents.run(cutoff, PRUNE_CHUNK).changes);
    for (const kind of ROLLUP_KINDS) await inChunks(() => dropRollups.run(kind, cutoff, PRUNE_CHUNK).changes);
    removed += await inChunks(() => takeOut(cutoff, before));
    return removed;
  };
}
