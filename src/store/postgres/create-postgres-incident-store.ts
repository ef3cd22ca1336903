import type { Incident } from '../../core/index.js';
import { withoutClient } from '../incident-erasure.js';
import type { IncidentStore } from '../incident-store.js';
import type { PostgresDatabase } from './open-postgres.js';

const DEFAULT_LIMIT = 100;

// Whether the incident's clients hold the text of `param`, read from the JSON: a scan, but incidents are few.
const involves = (param: string) => `(body::jsonb -> 'clients') @> jsonb_build_array(${param}::text)`;

/**
 * Incidents in PostgreSQL: the listed fields in columns, the whole incident as JSON in `body`. A replaced
 * incident takes a new `position`, so that among incidents last seen at the same time it lists last, as in
 * the other stores.
 * @example const store = createPostgresIncidentStore(await openPostgres({ connectionString }));
 */
export function createPostgresIncidentStore(db: PostgresDatabase): IncidentStore {
  return {
    async put(incident) {
      await db.query(
        `INSERT INTO incidents (id, status, site, last_seen, body) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, site = excluded.site,
           last_seen = excluded.last_seen, body = excluded.body, position = excluded.position`,
        [incident.id, incident.status, incident.site, incident.lastSeen, JSON.stringify(incident)],
      );
    },
    async get(id) {
      const { rows } = await db.query<{ body: string }>('SELECT body FROM incidents WHERE id = $1', [id]);
      return rows[0] && (JSON.parse(rows[0].body) as Incident);
    },
    async list(query = {}) {
      const { rows } = await db.query<{ body: string }>(
        `SELECT body FROM incidents
         WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR site = $2)
           AND ($3::bigint IS NULL OR last_seen >= $3) AND ($5::text IS NULL OR ${involves('$5')})
         ORDER BY last_seen DESC, position LIMIT $4`,
        [
          query.status ?? null,
          query.site ?? null,
          query.since ?? null,
          query.limit ?? DEFAULT_LIMIT,
          query.client ?? null,
        ],
      );
      return rows.map((row) => JSON.parse(row.body) as Incident);
    },
    async prune(before) {
      return (await db.query('DELETE FROM incidents WHERE last_seen < $1', [before])).rowCount ?? 0;
    },
    eraseClient: (ip) =>
      // Locked as read, so that an incident put in between is not overwritten with what it was before.
      db.transaction(async (tx) => {
        const { rows } = await tx.query<{ body: string }>(
          `SELECT body FROM incidents WHERE ${involves('$1')} FOR UPDATE`,
          [ip],
        );
        for (const row of rows) {
          const incident = JSON.parse(row.body) as Incident;
          const kept = withoutClient(incident, ip);
          if (kept === undefined) await tx.query('DELETE FROM incidents WHERE id = $1', [incident.id]);
          else
            await tx.query('UPDATE incidents SET body = $2 WHERE id = $1', [
              incident.id,
              JSON.stringify(kept),
            ]);
        }
        return rows.length;
      }),
    close: () => db.close(),
  };
}
