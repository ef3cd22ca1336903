import { mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Config } from '../../config/index.js';
import { InfinisecError, isInfinisecError } from '../../core/index.js';
import { createAuditLog } from '../../guardian/index.js';
import {
  openPostgres,
  openSqlite,
  type PostgresDatabase,
  type PostgresQueryable,
} from '../../store/index.js';
import { databaseFile } from '../decision-persistence.js';
import { openStores } from '../open-stores.js';
import { loadSecretKeys, SECRET_KEY_ENV, SECRET_KEY_FILE } from '../secret-key.js';
import { type AtomicFile, openAtomicFile, writeFileAtomic } from './atomic-file.js';
import type { BackupManifest, BackupPart } from './backup-manifest.js';
import { importTable, resetSequences } from './import-postgres.js';
import { postgresSchemaVersion, postgresTableCounts } from './postgres-tables.js';
import { type PostgresTarget, type SchemaState, schemaState, undoRestore } from './postgres-target.js';
import { readBackupFile } from './read-backup-file.js';
import { planRestore, type RestorePlan } from './restore-plan.js';
import { sqliteSchemaVersion, sqliteTableCounts } from './sqlite-tables.js';
import { checkAudit, checkSecrets, checkTables, type RestoreCheck } from './verify-restored.js';

/** The audit action of a restore, recorded in the restored store. */
export const BACKUP_RESTORE_ACTION = 'backup.restore';

type Env = Readonly<Record<string, string | undefined>>;

/** What to restore, and into what. */
export interface RestoreBackupOptions {
  readonly file: string;
  /** The configuration the target's is made from: the same with the data dir (and schema) below. */
  readonly config: Config;
  /** An empty or new folder: the SQLite database, the key files and the configuration's text go there. */
  readonly dataDir: string;
  /** PostgreSQL backups: the server, else the configuration's `store.postgres.url`. */
  readonly postgresUrl?: string | undefined;
  /** PostgreSQL backups: an empty or new schema, else the configuration's `store.postgres.schema`. */
  readonly schema?: string | undefined;
  readonly passphrase?: string | undefined;
  readonly env: Env;
}

/** A restore done, and what the restored stores showed. */
export interface RestoredBackup {
  readonly manifest: BackupManifest;
  readonly dataDir: string;
  /** PostgreSQL backups: where the tables went. */
  readonly postgres: PostgresTarget | undefined;
  /** Files written into the data dir, by name. */
  readonly files: readonly string[];
  readonly checks: readonly RestoreCheck[];
  /** Whether every check passed. */
  readonly ok: boolean;
}

const refuse = (detail: string) => new InfinisecError('INFINISEC_ERR_STATE', 'backup', detail);
const usage = (detail: string) => new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'backup', detail);

// Whether the data dir exists; throws unless it is an empty folder or nothing.
async function assertEmptyDir(dataDir: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(dataDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    if (code === 'ENOTDIR') throw refuse(`${dataDir} is not a folder`);
    throw refuse(`${dataDir}: ${(err as Error).message}`);
  }
  if (entries.length > 0)
    throw refuse(
      `${dataDir} is not empty (${entries.slice(0, 5).join(', ')}${entries.length > 5 ? ', …' : ''}): restore into an empty or new data dir`,
    );
  return true;
}

function postgresTarget(options: RestoreBackupOptions, manifest: BackupManifest): PostgresTarget | undefined {
  if (manifest.driver === 'sqlite') {
    if (options.postgresUrl !== undefined || options.schema !== undefined)
      throw usage(`${options.file} is a SQLite backup: it restores into --data-dir alone`);
    return undefined;
  }
  const url = options.postgresUrl ?? options.config.store.postgres.url;
  if (url === undefined)
    throw usage(
      `${options.file} is a PostgreSQL backup: give the server to restore into (--postgres-url URL, or store.postgres.url)`,
    );
  return { url, schema: options.schema ?? options.config.store.postgres.schema };
}

function newerSchema(manifest: BackupManifest, known: number): InfinisecError | undefined {
  if (manifest.schemaVersion <= known) return undefined;
  return refuse(
    `the backup was made by infinisec ${manifest.version}, whose store schema (version ${manifest.schemaVersion}) is newer than this one's (${known}): restore it with that version or a later one`,
  );
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/** Writes the parts into the target as the backup is read a second time; keeps nothing until all checked. */
async function writeParts(
  options: RestoreBackupOptions,
  manifest: BackupManifest,
  plan: RestorePlan,
  dataDir: string,
  postgres: { readonly db: PostgresDatabase; readonly schema: string } | undefined,
): Promise<string[]> {
  const held = new Map<string, Buffer>();
  let database: AtomicFile | undefined;
  const read = (tx: PostgresQueryable | undefined) =>
    readBackupFile(options.file, {
      passphrase: options.passphrase,
      onManifest(again) {
        if (JSON.stringify(again) !== JSON.stringify(manifest))
          throw refuse(`${options.file} changed while it was being restored`);
      },
      async onPart(part: BackupPart, chunks) {
        const table = plan.tables.get(part.name);
        const file = plan.files.get(part.name);
        if (part.name === plan.database?.name) {
          database = await openAtomicFile(join(dataDir, 'infinisec.db'));
          for await (const chunk of chunks) await database.handle.write(chunk);
        } else if (file !== undefined) held.set(file, await collect(chunks));
        else if (table !== undefined && tx !== undefined && postgres !== undefined) {
          const rows = await importTable(tx, postgres.schema, table, chunks);
          if (rows !== manifest.tables[table])
            throw refuse(
              `${options.file}: ${table} holds ${rows} rows, its manifest says ${manifest.tables[table]}`,
            );
        } else for await (const _chunk of chunks);
      },
    });
  const written: string[] = [];
  try {
    if (postgres === undefined) await read(undefined);
    else
      await postgres.db.transaction(async (tx) => {
        await read(tx);
        await resetSequences(tx, postgres.schema);
      });
    if (database !== undefined) {
      written.push('infinisec.db');
      await database.commit();
    }
    for (const [name, data] of held) {
      written.push(name);
      await writeFileAtomic(join(dataDir, name), data);
    }
    return written;
  } catch (err) {
    await database?.discard();
    for (const name of written) await rm(join(dataDir, name), { force: true });
    throw err;
  }
}

async function restoredCounts(
  target: Config,
  manifest: BackupManifest,
  postgres: { readonly db: PostgresDatabase; readonly schema: string } | undefined,
): Promise<Record<string, number>> {
  if (postgres !== undefined)
    return postgresTableCounts(postgres.db, postgres.schema, Object.keys(manifest.tables));
  const db = openSqlite(databaseFile(target));
  try {
    return sqliteTableCounts(db);
  } finally {
    db.close();
  }
}

/**
 * Restores a backup into an empty data dir (and, for PostgreSQL, an empty schema): reads the whole file once
 * to check every part's SHA-256 before writing anything, then writes (PostgreSQL: the migrations, then every
 * row in one transaction, then the sequences moved on), then opens the restored stores and checks the row
 * counts, the audit chain and the secrets against the backup. Records `backup.restore` in the restored store.
 * Throws, leaving the target as it was, when the file or the target is refused or a write fails.
 * @example const { ok, checks } = await restoreBackup({ file, config, dataDir: '/var/lib/infinisec', env });
 */
export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoredBackup> {
  const file = resolve(options.file);
  const dataDir = resolve(options.dataDir);
  const manifest = await readBackupFile(file, { passphrase: options.passphrase });
  const plan = planRestore(file, manifest);
  const target = postgresTarget(options, manifest);
  if (manifest.driver === 'sqlite') {
    const blank = openSqlite(':memory:');
    const known = sqliteSchemaVersion(blank);
    blank.close();
    const newer = newerSchema(manifest, known);
    if (newer) throw newer;
  }
  const existed = await assertEmptyDir(dataDir);
  let before: SchemaState | undefined;
  if (target !== undefined) {
    before = await schemaState(target);
    if (before.tables.length > 0)
      throw refuse(
        `schema "${target.schema}" already has tables (${before.tables.join(', ')}): restore into an empty or new schema`,
      );
  }
  const config: Config = {
    ...options.config,
    store: {
      ...options.config.store,
      driver: manifest.driver,
      dataDir,
      postgres: {
        ...options.config.store.postgres,
        ...(target ? { url: target.url, schema: target.schema } : {}),
      },
    },
  };
  let db: PostgresDatabase | undefined;
  let files: string[];
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    if (target !== undefined) {
      db = await openPostgres({ connectionString: target.url, schema: target.schema, max: 2 });
      const newer = newerSchema(manifest, await postgresSchemaVersion(db, target.schema));
      if (newer) throw newer;
    }
    files = await writeParts(
      { ...options, file },
      manifest,
      plan,
      dataDir,
      db && target ? { db, schema: target.schema } : undefined,
    );
  } catch (err) {
    await db?.close();
    if (target !== undefined && before !== undefined) await undoRestore(target, before).catch(() => {});
    if (!existed) await rmdir(dataDir).catch(() => {});
    if (isInfinisecError(err)) throw err;
    throw new InfinisecError('INFINISEC_ERR_STATE', 'backup', `${dataDir}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  try {
    const counts = await restoredCounts(
      config,
      manifest,
      db && target ? { db, schema: target.schema } : undefined,
    );
    const stores = await openStores(config);
    try {
      const hasKey = files.includes(SECRET_KEY_FILE) || Boolean(options.env[SECRET_KEY_ENV]);
      const checks = [
        checkTables(manifest.tables, counts),
        await checkAudit(stores.audit, manifest.audit),
        await checkSecrets(stores.secrets, hasKey ? loadSecretKeys(dataDir, options.env) : undefined),
      ];
      const ok = checks.every((check) => check.ok);
      await createAuditLog(stores.audit).append({
        actor: 'cli',
        action: BACKUP_RESTORE_ACTION,
        target: file,
        outcome: ok ? 'success' : 'failure',
        ip: '',
        details: {
          driver: manifest.driver,
          created: manifest.created,
          version: manifest.version,
          tables: manifest.tables,
          verified: ok,
        },
      });
      return { manifest, dataDir, postgres: target, files, checks, ok };
    } finally {
      await stores.close();
    }
  } finally {
    await db?.close();
  }
}
