import { DatabaseError } from 'pg';
import { InfinisecError, type Role, type User } from '../../core/index.js';
import { mergePatch } from '../merge-patch.js';
import type { UserStore } from '../user-store.js';
import type { PostgresDatabase } from './open-postgres.js';

interface Row {
  id: string;
  username: string;
  role: string;
  password_hash: string;
  mfa_enabled: boolean;
  recovery_codes: string[];
  failed_logins: number;
  locked_until: number;
  created: number;
  last_login: number | null;
  disabled: boolean;
}

const toUser = (row: Row): User => ({
  id: row.id,
  username: row.username,
  role: row.role as Role,
  passwordHash: row.password_hash,
  mfaEnabled: row.mfa_enabled,
  recoveryCodes: row.recovery_codes,
  failedLogins: row.failed_logins,
  lockedUntil: row.locked_until,
  created: row.created,
  lastLogin: row.last_login,
  disabled: row.disabled,
});

// In the order of the columns below, from $1.
const values = (u: User) => [
  u.id,
  u.username,
  u.role,
  u.passwordHash,
  u.mfaEnabled,
  u.recoveryCodes,
  u.failedLogins,
  u.lockedUntil,
  u.created,
  u.lastLogin,
  u.disabled,
];

const COLUMNS = `id, username, role, password_hash, mfa_enabled, recovery_codes, failed_logins, locked_until,
  created, last_login, disabled`;

const UNIQUE_VIOLATION = '23505';

/**
 * Users in PostgreSQL; the UNIQUE username column decides who gets a name, and usernames sort bytewise
 * (COLLATE "C"). An update locks the row, merges and writes in one transaction, so two updates of one user
 * never lose each other's fields.
 * @example const store = createPostgresUserStore(await openPostgres({ connectionString }));
 */
export function createPostgresUserStore(db: PostgresDatabase): UserStore {
  const find = async (column: 'id' | 'username', value: string) => {
    const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM users WHERE ${column} = $1`, [value]);
    return rows[0] && toUser(rows[0]);
  };
  const update = (id: string, patch: Partial<User>) =>
    db.transaction(async (tx) => {
      const { rows } = await tx.query<Row>(`SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
      if (rows[0] === undefined) return undefined;
      const next = mergePatch(toUser(rows[0]), patch, ['id', 'created']);
      await tx.query(
        `UPDATE users SET username = $2, role = $3, password_hash = $4, mfa_enabled = $5, recovery_codes = $6,
           failed_logins = $7, locked_until = $8, last_login = $9, disabled = $10
         WHERE id = $1`,
        [
          next.id,
          next.username,
          next.role,
          next.passwordHash,
          next.mfaEnabled,
          next.recoveryCodes,
          next.failedLogins,
          next.lockedUntil,
          next.lastLogin,
          next.disabled,
        ],
      );
      return next;
    });
  return {
    async create(user) {
      const inserted = await db.query(
        `INSERT INTO users (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT DO NOTHING`,
        values(user),
      );
      return inserted.rowCount === 1;
    },
    get: (id) => find('id', id),
    findByUsername: (username) => find('username', username),
    async list() {
      const { rows } = await db.query<Row>(`SELECT ${COLUMNS} FROM users ORDER BY username COLLATE "C"`);
      return rows.map(toUser);
    },
    async count() {
      const { rows } = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM users');
      return rows[0]!.n;
    },
    async update(id, patch) {
      try {
        return await update(id, patch);
      } catch (err) {
        if (!(err instanceof DatabaseError && err.code === UNIQUE_VIOLATION)) throw err;
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
      return (await db.query('DELETE FROM users WHERE id = $1', [id])).rowCount === 1;
    },
    close: () => db.close(),
  };
}
