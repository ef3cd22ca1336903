import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../../config/index.js';
import { InfinisecError, isInfinisecError } from '../../core/index.js';
import { createAuditLog } from '../../guardian/index.js';
import { openPostgres } from '../../store/index.js';
import { databaseFile } from '../decision-persistence.js';
import { openStores } from '../open-stores.js';
import { SECRET_KEY_ENV, SECRET_KEY_FILE } from '../secret-key.js';
import { VERSION } from '../version.js';
import { BACKUP_FORMAT, type BackupManifest, CONFIG_PART, keyPart } from './backup-manifest.js';
import { keyFileParts } from './key-files.js';
import { snapshotPostgres } from './snapshot-postgres.js';
import { snapshotSqlite } from './snapshot-sqlite.js';
import type { StoreSnapshot } from './store-snapshot.js';
import { type PartSource, writeBackupFile } from './write-backup-file.js';

/** The audit action of a backup made; the compliance report reads the newest as "last backup". */
export const BACKUP_CREATE_ACTION = 'backup.create';

type Env = Readonly<Record<string, string | undefined>>;

/** What to back up, and where to. */
export interface CreateBackupOptions {
  readonly config: Config;
  /** The configuration file the config was read from, when there was one: its text goes in the backup. */
  readonly configFile?: { readonly path: string; readonly text: string } | undefined;
  /** The file to write; by default `<dataDir>/backups/infinisec-<UTC time>.backup`. */
  readonly out?: string | undefined;
  /** Encrypts the whole file when given. */
  readonly passphrase?: string | undefined;
  readonly env: Env;
  readonly now?: () => number;
}

/** A backup written. */
export interface CreatedBackup {
  readonly file: string;
  readonly bytes: number;
  readonly manifest: BackupManifest;
}

/** The default backup file: `<dataDir>/backups/infinisec-20240501T120000Z.backup`. */
export function defaultBackupFile(config: Config, time: number): string {
  const stamp = new Date(time)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return join(config.store.dataDir, 'backups', `infinisec-${stamp}.backup`);
}

async function snapshot(config: Config, workDir: string): Promise<StoreSnapshot> {
  if (config.store.driver === 'sqlite') return snapshotSqlite(databaseFile(config), workDir);
  const { url, schema } = config.store.postgres;
  const db = await openPostgres({ connectionString: url!, schema, max: 1 });
  try {
    return await snapshotPostgres(db, schema, workDir);
  } finally {
    await db.close();
  }
}

function secretKeySource(keys: readonly PartSource[], env: Env): BackupManifest['secretKey'] {
  if (env[SECRET_KEY_ENV] !== undefined && env[SECRET_KEY_ENV] !== '') return 'env';
  return keys.some((part) => part.name === keyPart(SECRET_KEY_FILE)) ? 'file' : 'none';
}

/**
 * Backs up the store of `config` (a consistent copy, while the gateway runs), the configuration file's text
 * and the data dir's key files into one file, and records `backup.create` in the audit log, as a failure
 * too. Throws INFINISEC_ERR_STATE for the memory store, which keeps nothing.
 * @example const { file, bytes } = await createBackup({ config, env: process.env });
 */
export async function createBackup(options: CreateBackupOptions): Promise<CreatedBackup> {
  const { config, env } = options;
  const driver = config.store.driver;
  if (driver === 'memory')
    throw new InfinisecError('INFINISEC_ERR_STATE', 'backup', 'store.driver is memory: nothing is kept');
  const now = options.now ?? Date.now;
  const file = resolve(options.out ?? defaultBackupFile(config, now()));
  const stores = await openStores(config);
  const audit = createAuditLog(stores.audit, now);
  let workDir: string | undefined;
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    workDir = await mkdtemp(join(dirname(file), '.infinisec-backup-'));
    const taken = await snapshot(config, workDir);
    const keys = await keyFileParts(config.store.dataDir);
    const configParts: PartSource[] = options.configFile
      ? [{ name: CONFIG_PART, data: Buffer.from(options.configFile.text, 'utf8') }]
      : [];
    const written = await writeBackupFile(
      file,
      {
        format: BACKUP_FORMAT,
        product: 'infinisec',
        version: VERSION,
        created: new Date(now()).toISOString(),
        driver,
        schemaVersion: taken.schemaVersion,
        tables: taken.tables,
        audit: taken.audit,
        secretKey: secretKeySource(keys, env),
        configFile: options.configFile ? resolve(options.configFile.path) : null,
      },
      [...taken.parts, ...configParts, ...keys],
      options.passphrase,
    );
    await audit.append({
      actor: 'cli',
      action: BACKUP_CREATE_ACTION,
      target: file,
      outcome: 'success',
      ip: '',
      details: { bytes: written.bytes, tables: taken.tables, driver },
    });
    return { file, ...written };
  } catch (err) {
    await audit
      .append({
        actor: 'cli',
        action: BACKUP_CREATE_ACTION,
        target: file,
        outcome: 'failure',
        ip: '',
        details: { driver, error: (err as Error).message },
      })
      .catch(() => {});
    if (isInfinisecError(err)) throw err;
    throw new InfinisecError('INFINISEC_ERR_STATE', 'backup', `${file}: ${(err as Error).message}`, {
      cause: err,
    });
  } finally {
    if (workDir !== undefined) await rm(workDir, { recursive: true, force: true });
    await stores.close();
  }
}
