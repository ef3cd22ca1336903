import { InfinisecError, type Role, type User } from '../../core/index.js';
import { mergePatch } from '../merge-patch.js';
import type { UserStore } from '../user-store.js';
import type { SqliteDatabase } from './open-sqlite.js';

interface Row {
  id: string;
  username: string;
  role: string;
  password_hash: string;
  mfa_enabled: number;
  recovery_codes: string;
  failed_logins: number;
  locked_until: number;
  created: number;
  last_login: number | null;
  disabled: number;
}

const toUser = (row: Row): User => ({
  id: row.id,
  username: row.username,
  role: row.role as Role,
  passwordHash: row.password_hash,
  mfaEnabled: row.mfa_enabled === 1,
  recoveryCodes: JSON.parse(row.recovery_codes) as string[],
  failedLogins: row.failed_logins,
  lockedUntil: row.locked_until,
  created: row.created,
  lastLogin: row.last_login,
  disabled: row.disabled === 1,
});

const toRow = (user: User): Row => ({
  id: user.id,
  username: user.username,
  role: user.role,
  password_hash: user.passwordHash,
  mfa_enabled: user.mfaEnabled ? 1 : 0,
  recovery_codes: JSON.stringify(user.recoveryCodes),
  failed_logins: user.failedLogins,
  locked_until: user.lockedUntil,
  created: user.created,
  last_login: user.lastLogin,
  disabled: user.disabled ? 1 : 0,
});

const isUniqueViolation = (err: unknown) => (err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * Users in SQLite; the UNIQUE username column decides who gets a name. An update reads, merges and writes in
 * one immediate transaction, so two updates of one user never lose each other's fields.
 * @example const store = createSqliteUserStore(openSqlite('./.infinisec/infinisec.db'));
 */
export function createSqliteUserStore(db: SqliteDatabase): UserStore {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO users (id, username, role, password_hash, mfa_enabled, recovery_codes,
       failed_logins, locked_until, created, last_login, disabled)
     VALUES (@id, @username, @role, @password_hash, @mfa_enabled, @recovery_codes,
       @failed_logins, @locked_until, @created, @last_login, @disabled)`,
  );
  const byId = db.prepare('SELECT * FROM users WHERE id = ?');
  const byUsername = db.prepare('SELECT * FROM users WHERE username = ?');
  const all = db.prepare('SELECT * FROM users ORDER BY username');
  const count = db.prepare('SELECT COUNT(*) FROM users').pluck();
  const write = db.prepare(
    `UPDATE users SET username = @username, role = @role, password_hash = @password_hash,
       mfa_enabled = @mfa_enabled, recovery_codes = @recovery_codes, failed_logins = @failed_logins,
       locked_until = @locked_until, last_login = @last_login, disabled = @disabled
     WHERE id = @id`,
  );
  const remove = db.prepare('DELETE FROM users WHERE id = ?');
  const update = db.transaction((id: string, patch: Partial<User>) => {
    const row = byId.get(id) as Row | undefined;
    if (row === undefined) return undefined;
    const next = mergePatch(toUser(row), patch, ['id', 'created']);
    write.run(toRow(next));
    return next;
  });
  return {
    async create(user) {
      return insert.run(toRow(user)).changes === 1;
    },
    async get(id) {
      const row = byId.get(id) as Row | undefined;
      return row && toUser(row);
    },
    async findByUsername(username) {
      const row = byUsername.get(username) as Row | undefined;
      return row && toUser(row);
    },
    async list() {
      return (all.all() as Row[]).map(toUser);
    },
    async count() {
      return count.get() as number;
    },
    async update(id, patch) {
      try {
        return update.immediate(id, patch);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        throw new InfinisecError(
          'INFINISEC_ERR_STORE',
          'store.users',
          `username "${patch.username}" is taken`,
          {
            cause: err,
          },
        );
      }
    },
    async remove(id) {
      return remove.run(id).changes > 0;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
