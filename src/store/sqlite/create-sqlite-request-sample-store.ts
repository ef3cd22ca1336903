import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RequestSample } from '../../core/index.js';
import { addressNeedle } from '../mentions-address.js';
import { checkTrimMax, sampleLimit, sampleMentionsAddress } from '../request-sample-rules.js';
import type { RequestSampleStore } from '../request-sample-store.js';
import type { SqliteDatabase } from './open-sqlite.js';

/** Rows read per step of an erasure; the event loop gets a turn between steps. */
const ERASE_CHUNK = 1000;

/** What one step of an erasure removed, and the last seq it read (undefined when there is no more). */
interface EraseStep {
  readonly removed: number;
  readonly last: number | undefined;
}

interface Candidate {
  readonly seq: number;
  readonly record: string;
}

/**
 * The request sample in SQLite: the filtered fields in columns, the whole sample as JSON in `record`. A batch
 * is one transaction. Erasing a client reads, besides its own samples, those whose record holds the address
 * and those with a body (base64, which no SQL search sees through), and confirms each in JavaScript.
 * @example const store = createSqliteRequestSampleStore(openSqlite('./.infinisec/infinisec.db'));
 */
export function createSqliteRequestSampleStore(db: SqliteDatabase): RequestSampleStore {
  const insert = db.prepare(
    `INSERT INTO request_samples (id, time, site, ip, has_body, record) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  );
  const insertAll = db.transaction((samples: readonly RequestSample[]) => {
    for (const s of samples)
      insert.run(s.id, s.time, s.site, s.ip, s.body === null ? 0 : 1, JSON.stringify(s));
  });
  const list = db
    .prepare(
      `SELECT record FROM request_samples
       WHERE (@site IS NULL OR site = @site) AND (@client IS NULL OR ip = @client)
         AND (@since IS NULL OR time >= @since)
       ORDER BY time DESC, seq DESC LIMIT @limit`,
    )
    .pluck();
  const count = db.prepare('SELECT COUNT(*) FROM request_samples').pluck();
  const trim = db.prepare(
    `DELETE FROM request_samples WHERE seq IN (
       SELECT seq FROM request_samples ORDER BY time DESC, seq DESC LIMIT -1 OFFSET ?)`,
  );
  const prune = db.prepare('DELETE FROM request_samples WHERE time < ?');
  const eraseFrom = db.prepare('DELETE FROM request_samples WHERE ip = ?');
  const candidatesIn = (record: string) =>
    db.prepare(
      `SELECT seq, record FROM request_samples
       WHERE seq > ? AND (has_body OR instr(${record}, ?) > 0) ORDER BY seq LIMIT ?`,
    );
  const candidates = { exact: candidatesIn('record'), lower: candidatesIn('lower(record)') };
  const remove = db.prepare('DELETE FROM request_samples WHERE seq = ?');
  // One step: the candidates after `after`, those that mention the address deleted; the last seq read, or
  // undefined when there are no more.
  const eraseStep = db.transaction((ip: string, after: number) => {
    const needle = addressNeedle(ip)!;
    const read = (needle.lower ? candidates.lower : candidates.exact).all(after, needle.text, ERASE_CHUNK);
    let removed = 0;
    for (const row of read as Candidate[])
      if (sampleMentionsAddress(JSON.parse(row.record) as RequestSample, ip))
        removed += remove.run(row.seq).changes;
    return { removed, last: read.length < ERASE_CHUNK ? undefined : (read.at(-1) as Candidate).seq };
  });
  return {
    async add(samples) {
      insertAll(samples);
    },
    async list(query = {}) {
      const rows = list.all({
        site: query.site ?? null,
        client: query.client ?? null,
        since: query.since ?? null,
        limit: sampleLimit(query.limit),
      }) as string[];
      return rows.map((record) => JSON.parse(record) as RequestSample);
    },
    async count() {
      return count.get() as number;
    },
    async trim(max) {
      return trim.run(checkTrimMax('store.sqlite', max)).changes;
    },
    async prune(before) {
      return prune.run(before).changes;
    },
    async eraseClient(ip) {
      if (addressNeedle(ip) === undefined) return 0;
      let removed = eraseFrom.run(ip).changes;
      // Each step starts past the last row read, so the steps end once the table has been read through.
      let after: number | undefined = 0;
      while (after !== undefined) {
        const step: EraseStep = eraseStep(ip, after);
        removed += step.removed;
        after = step.last;
        if (after !== undefined) await nextTurn();
      }
      return removed;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
