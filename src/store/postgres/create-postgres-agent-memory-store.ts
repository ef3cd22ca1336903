import { encodeMemoryValue } from '../agent-memory-rules.js';
import type { AgentMemoryStore, JsonValue } from '../agent-memory-store.js';
import { addressNeedle, mentionsAddress, valueMentionsAddress } from '../mentions-address.js';
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
    async eraseMentioning(text) {
      const needle = addressNeedle(text);
      if (needle === undefined) return 0;
      const [key, value] = needle.lower ? ['lower(key)', 'lower(value)'] : ['key', 'value'];
      // Locked as read, so that no value written in between is removed unread.
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<Row & { agent: string }>(
          `SELECT agent, key, value FROM agent_memory WHERE strpos(${key}, $1) > 0 OR strpos(${value}, $1) > 0
           FOR UPDATE`,
          [needle.text],
        );
        const mentioning = rows.filter(
          (row) => mentionsAddress(row.key, text) || valueMentionsAddress(JSON.parse(row.value), text),
        );
        if (mentioning.length === 0) return 0;
        const deleted = await tx.query(
          `DELETE FROM agent_memory WHERE (agent, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
          [mentioning.map((row) => row.agent), mentioning.map((row) => row.key)],
        );
        return deleted.rowCount ?? 0;
      });
    },
    close: () => db.close(),
  };
}
