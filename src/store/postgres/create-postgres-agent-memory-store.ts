import { encodeMemoryValue } from '../agent-memory-rules.js';
import type { AgentMemoryStore, JsonValue } from '../agent-memory-store.js';
import type { PostgresDatabase } from './open-postgres.js';

interface Row {
  readonly key: string;
  readonly value: string;
  readonly expires: number | null;
}

/**
 * Agent memory in PostgreSQL: one row per agent and key, the value as JSON text. Keys are listed in "C"
 * collation, byte order, as SQLite and the memory store list them, whatever the database's locale.
 * @example const memory = createPostgresAgentMemoryStore(await openPostgres({ connectionString }));
 */
export function createPostgresAgentMemoryStore(db: PostgresDatabase): AgentMemoryStore {
  return {
    async get(agent, key, now) {
      const { rows } = await db.query<{ value: string }>(
        `SELECT value FROM agent_memory
         WHERE agent = $1 AND key = $2 AND (expires IS NULL OR expires > $3)`,
        [agent, key, now],
      );
      return rows[0] && (JSON.parse(rows[0].value) as JsonValue);
    },
    async put(agent, key, value, expires = null) {
      await db.query(
        `INSERT INTO agent_memory (agent, key, value, expires) VALUES ($1, $2, $3, $4)
         ON CONFLICT (agent, key) DO UPDATE SET value = excluded.value, expires = excluded.expires`,
        [agent, key, encodeMemoryValue('store.postgres', agent, key, value), expires],
      );
    },
    async delete(agent, key) {
      const result = await db.query('DELETE FROM agent_memory WHERE agent = $1 AND key = $2', [agent, key]);
      return (result.rowCount ?? 0) > 0;
    },
    async list(agent, now, prefix = '') {
      const { rows } = await db.query<Row>(
        `SELECT key, value, expires FROM agent_memory
         WHERE agent = $1 AND starts_with(key, $2) AND (expires IS NULL OR expires > $3)
         ORDER BY key COLLATE "C"`,
        [agent, prefix, now],
      );
      return rows.map((row) => ({
        key: row.key,
        value: JSON.parse(row.value) as JsonValue,
        expires: row.expires,
      }));
    },
    async prune(now) {
      return (await db.query('DELETE FROM agent_memory WHERE expires <= $1', [now])).rowCount ?? 0;
    },
    close: () => db.close(),
  };
}
