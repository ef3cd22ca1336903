import { z } from 'zod';
import { InfinisecError } from '../../core/index.js';

/** The version of the backup file format this infinisec writes and reads. */
export const BACKUP_FORMAT = 1;

/** The first line of a backup's content, before the manifest line. */
export const BACKUP_MAGIC = 'INFINISEC-BACKUP';
/** The longest manifest line read. */
export const MAX_MANIFEST_BYTES = 16 * 2 ** 20;

/** The part holding the SQLite database, copied page by page. */
export const DATABASE_PART = 'database.sqlite';
/** The part holding the text of the configuration file. */
export const CONFIG_PART = 'config';
/** The files of the data dir a backup keeps, each as the part `keys/<file>`. */
export const KEY_FILES = ['secret.key', 'secret.key.next', 'labyrinth.key'] as const;
/** The part of a key file. */
export const keyPart = (file: string): string => `keys/${file}`;
/** The part of one PostgreSQL table: its rows as JSON Lines. */
export const tablePart = (table: string): string => `tables/${table}.jsonl`;
/** Table names a backup accepts: they name parts and are quoted in SQL. */
export const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

const PART_NAME = /^(?:[a-z0-9][a-z0-9._-]*)(?:\/[A-Za-z0-9_][A-Za-z0-9._-]*)?$/;
const count = z.number().int().nonnegative();

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  product: z.literal('infinisec'),
  version: z.string(),
  created: z.iso.datetime(),
  driver: z.enum(['sqlite', 'postgres']),
  schemaVersion: count,
  tables: z.record(z.string().regex(TABLE_NAME), count),
  audit: z.object({
    entries: count,
    head: z.object({ seq: count, hash: z.string() }).nullable(),
  }),
  secretKey: z.enum(['file', 'env', 'none']),
  configFile: z.string().nullable(),
  encrypted: z.boolean(),
  parts: z.array(
    z.object({
      name: z.string().regex(PART_NAME),
      bytes: count,
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});

/** What a backup holds, written before its parts: enough to check every byte and the restored stores. */
export type BackupManifest = z.infer<typeof manifestSchema>;
/** One part of a backup: its name, size and SHA-256 (hex). */
export type BackupPart = BackupManifest['parts'][number];

/** INFINISEC_ERR_BACKUP for a backup file that cannot be used: damaged, altered, or not a backup. */
export function unusableBackup(file: string, detail: string, cause?: unknown): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_BACKUP', 'backup', `${file}: ${detail}`, { cause });
}

/** Reads the manifest line of a backup; throws (unusableBackup) for anything but a manifest of this format. */
export function parseManifest(file: string, line: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw unusableBackup(file, 'the manifest is not JSON: the file is damaged', err);
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > BACKUP_FORMAT)
    throw unusableBackup(
      file,
      `backup format ${format} is newer than this infinisec reads (${BACKUP_FORMAT})`,
    );
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw unusableBackup(file, `the manifest is not valid (${issue.path.join('.')}: ${issue.message})`);
  }
  const names = new Set<string>();
  for (const part of parsed.data.parts) {
    if (names.has(part.name)) throw unusableBackup(file, `the manifest lists the part ${part.name} twice`);
    names.add(part.name);
  }
  return parsed.data;
}
