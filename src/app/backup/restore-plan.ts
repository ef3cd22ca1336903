import { basename } from 'node:path';
import {
  type BackupManifest,
  type BackupPart,
  CONFIG_PART,
  DATABASE_PART,
  KEY_FILES,
  keyPart,
  tablePart,
  unusableBackup,
} from './backup-manifest.js';

/** Where each part of a backup goes. */
export interface RestorePlan {
  /** SQLite: the database file's part. */
  readonly database: BackupPart | undefined;
  /** PostgreSQL: table by part name. */
  readonly tables: ReadonlyMap<string, string>;
  /** Files of the data dir by part name: key files and the configuration's text. */
  readonly files: ReadonlyMap<string, string>;
}

// Key files and configuration text are held in memory until the store is restored: bounded.
const MAX_FILE_BYTES = 16 * 2 ** 20;

/** The name the configuration file's text is restored under, in the data dir: `restored-<its name>`. */
export function restoredConfigName(configFile: string | null): string {
  const name = configFile === null ? '' : basename(configFile);
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$/.test(name) ? `restored-${name}` : 'restored-infinisec.yaml';
}

/**
 * Maps every part of a checked manifest to where it is restored; throws (unusableBackup) for a part this
 * infinisec does not know, or a manifest whose parts and tables disagree.
 */
export function planRestore(file: string, manifest: BackupManifest): RestorePlan {
  const tables = new Map<string, string>();
  const files = new Map<string, string>();
  for (const table of Object.keys(manifest.tables))
    if (manifest.driver === 'postgres') tables.set(tablePart(table), table);
  for (const name of KEY_FILES) files.set(keyPart(name), name);
  files.set(CONFIG_PART, restoredConfigName(manifest.configFile));
  let database: BackupPart | undefined;
  const seen = new Set<string>();
  for (const part of manifest.parts) {
    seen.add(part.name);
    if (part.name === DATABASE_PART && manifest.driver === 'sqlite') database = part;
    else if (files.has(part.name)) {
      if (part.bytes > MAX_FILE_BYTES) throw unusableBackup(file, `part ${part.name} is too large`);
    } else if (!tables.has(part.name))
      throw unusableBackup(file, `holds a part this infinisec does not know: ${part.name}`);
  }
  if (manifest.driver === 'sqlite' && database === undefined)
    throw unusableBackup(file, `the manifest lists no ${DATABASE_PART} part`);
  for (const name of tables.keys())
    if (!seen.has(name)) throw unusableBackup(file, `the manifest lists no ${name} part`);
  for (const name of files.keys()) if (!seen.has(name)) files.delete(name);
  return { database, tables, files };
}
