import type { RequestSample } from '../../core/index.js';
import { addressNeedle } from '../mentions-address.js';
import { checkTrimMax, sampleLimit, sampleMentionsAddress } from '../request-sample-rules.js';
import type { RequestSampleStore } from '../request-sample-store.js';
import type { PostgresDatabase } from './open-postgres.js';

/** Rows read per step of an erasure. */
const ERASE_CHUNK = 1000;

// One statement for the whole batch, unnested in batch order, so that of two samples with one id the first is
// kept and `seq` follows the batch.
const INSERT = `INSERT INTO request_samples (id, time, site, ip, has_body, record)
  SELECT id, time, site, ip, has_body, record
  FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::boolean[], $6::text[])
    WITH ORDINALITY AS batch (id, time, site, ip, has_body, record, n)
  ORDER BY n
  ON CONFLICT (id) DO NOTHING`;

const columns = (samples: readonly RequestSample[]): unknown[][] => [
  samples.map((s) => s.id),
  samples.map((s) => s.time),
  samples.map((s) => s.site),
  samples.map((s) => s.ip),
  samples.map((s) => s.body !== null),
  samples.map((s) => JSON.stringify(s)),
];

/**
 * The request sample in PostgreSQL: the filtered fields in columns, the whole sample as JSON text in
 * `record`. Erasing a client reads, besides its own samples, those whose record holds the address and those
 * with a body (base64, which no SQL search sees through), and confirms each in JavaScript.
 * @example const store = createPostgresRequestSampleStore(await openPostgres({ connectionString }));
 */
export function createPostgresRequestSampleStore(db: PostgresDatabase): RequestSampleStore {
  const removed = async (sql: string, values: unknown[]) => (await db.query(sql, values)).rowCount ?? 0;
  return {
    async add(samples) {
      if (samples.length > 0) await db.query(INSERT, columns(samples));
    },
    async list(query = {}) {
      const { rows } = await db.query<{ record: string }>(
        `SELECT record FROM request_samples
         WHERE ($1::text IS NULL OR site = $1) AND ($2::text IS NULL OR ip = $2)
           AND ($3::bigint IS NULL OR time >= $3)
         ORDER BY time DESC, seq DESC LIMIT $4`,
        [query.site ?? null, query.client ?? null, query.since ?? null, sampleLimit(query.limit)],
      );
      return rows.map((row) => JSON.parse(row.record) as RequestSample);
    },
    async count() {
      const { rows } = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM request_samples');
      return rows[0]!.n;
    },
    async trim(max) {
      return removed(
        `DELETE FROM request_samples WHERE seq IN (
           SELECT seq FROM request_samples ORDER BY time DESC, seq DESC OFFSET $1)`,
        [checkTrimMax('store.postgres', max)],
      );
    },
    prune: (before) => removed('DELETE FROM request_samples WHERE time < $1', [before]),
    async eraseClient(ip) {
      const needle = addressNeedle(ip);
      if (needle === undefined) return 0;
      let count = await removed('DELETE FROM request_samples WHERE ip = $1', [ip]);
      const record = needle.lower ? 'lower(record)' : 'record';
      // Each step starts past the last row read, so the steps end once the table has been read through.
      let after: number | undefined = 0;
      while (after !== undefined) {
        const { rows }: { rows: { seq: number; record: string }[] } = await db.query(
          `SELECT seq, record FROM request_samples
           WHERE seq > $1 AND (has_body OR strpos(${record}, $2) > 0) ORDER BY seq LIMIT $3`,
          [after, needle.text, ERASE_CHUNK],
        );
        const mentioning = rows
          .filter((row) => sampleMentionsAddress(JSON.parse(row.record) as RequestSample, ip))
          .map((row) => row.seq);
        if (mentioning.length > 0)
          count += await removed('DELETE FROM request_samples WHERE seq = ANY ($1::bigint[])', [mentioning]);
        after = rows.length < ERASE_CHUNK ? undefined : rows.at(-1)!.seq;
      }
      return count;
    },
    close: () => db.close(),
  };
}
