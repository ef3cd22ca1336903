import { encodeMemoryValue } from '../agent-memory-rules.js';
import type { AgentMemoryStore, JsonValue } from '../agent-memory-store.js';
import { addressNeedle, mentionsAddress, valueMentionsAddress } from '../mentions-address.js';
import type { SqliteDatabase } from './open-sqlite.js';

interface Row {
  readonly key: string;
  readonly value: string;
  readonly expires: number | null;
}

/**
 * Agent memory in SQLite: one row per agent and key, the value as JSON text.
 * @example const memory = createSqliteAgentMemoryStore(openSqlite('./.infinisec/infinisec.db'));
 */
export function createSqliteAgentMemoryStore(db: SqliteDatabase): AgentMemoryStore {
  const alive = '(expires IS NULL OR expires > @now)';
  const get = db
    .prepare(`SELECT value FROM agent_memory WHERE agent = @agent AND key = @key AND ${alive}`)
    .pluck();
  const put = db.prepare(
    'INSERT OR REPLACE INTO agent_memory (agent, key, value, expires) VALUES (?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM agent_memory WHERE agent = ? AND key = ?');
  // substr() compares the prefix literally, where LIKE would read `_` and `%` as wildcards.
  const list = db.prepare(
    `SELECT key, value, expires FROM agent_memory
     WHERE agent = @agent AND substr(key, 1, length(@prefix)) = @prefix AND ${alive}
     ORDER BY key`,
  );
  const prune = db.prepare('DELETE FROM agent_memory WHERE expires <= ?');
  const candidatesIn = (key: string, value: string) =>
    db.prepare(
      `SELECT agent, key, value FROM agent_memory WHERE instr(${key}, @text) > 0 OR instr(${value}, @text) > 0`,
    );
  const candidates = {
    exact: candidatesIn('key', 'value'),
    lower: candidatesIn('lower(key)', 'lower(value)'),
  };
  // Read (one row at a time) and deleted in one transaction: nothing changes in between.
  const eraseMentioning = db.transaction((text: string) => {
    const needle = addressNeedle(text);
    if (needle === undefined) return 0;
    const rows = (needle.lower ? candidates.lower : candidates.exact).iterate({ text: needle.text });
    const mentioning: [string, string][] = [];
    for (const row of rows as Iterable<Row & { readonly agent: string }>)
      if (mentionsAddress(row.key, text) || valueMentionsAddress(JSON.parse(row.value), text))
        mentioning.push([row.agent, row.key]);
    let removed = 0;
    for (const [agent, key] of mentioning) removed += remove.run(agent, key).changes;
    return removed;
  });
  return {
    async get(agent, key, now) {
      const value = get.get({ agent, key, now }) as string | undefined;
      return value === undefined ? undefined : (JSON.parse(value) as JsonValue);
    },
    async put(agent, key, value, expires = null) {
      put.run(agent, key, encodeMemoryValue('store.sqlite', agent, key, value), expires);
    },
    async delete(agent, key) {
      return remove.run(agent, key).changes > 0;
    },
    async list(agent, now, prefix = '') {
      const rows = list.all({ agent, now, prefix }) as Row[];
      return rows.map((row) => ({
        key: row.key,
        value: JSON.parse(row.value) as JsonValue,
        expires: row.expires,
      }));
    },
    async prune(now) {
      return prune.run(now).changes;
    },
    async eraseMentioning(text) {
      return eraseMentioning(text);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
