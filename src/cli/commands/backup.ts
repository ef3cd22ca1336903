import { readFile } from 'node:fs/promises';
import {
  type BackupManifest,
  createBackup,
  readBackupFile,
  restoreBackup,
  restoredConfigName,
} from '../../app/backup/index.js';
import { loadConfig, resolveConfigFile } from '../../config/index.js';
import { InfinisecError } from '../../core/index.js';
import { type CliIo, type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE = `usage: infinisec backup create [--out FILE] [--passphrase-env NAME] [-c FILE]
       infinisec backup restore FILE --data-dir DIR [--postgres-url URL] [--schema NAME]
                                [--passphrase-env NAME] [-c FILE]
       infinisec backup verify FILE [--passphrase-env NAME]`;

// A passphrase shorter than this is refused when a backup is made.
const MIN_PASSPHRASE = 12;

function usage(message: string): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', message, { details: [USAGE] });
}

function passphrase(name: string | boolean | undefined, io: CliIo): string | undefined {
  if (typeof name !== 'string') return undefined;
  const value = io.env[name];
  if (value === undefined || value === '') throw usage(`--passphrase-env: ${name} is not set`);
  return value;
}

async function configText(file: string | undefined, io: CliIo) {
  const ref = resolveConfigFile(file, io.env);
  try {
    return { path: ref.path, text: await readFile(ref.path, 'utf8') };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !ref.explicit) return undefined;
    throw err;
  }
}

const size = (bytes: number) => {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]} (${bytes} bytes)`;
};

function describe(manifest: BackupManifest, io: CliIo): void {
  const tables = Object.entries(manifest.tables).sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(5, ...tables.map(([name]) => name.length));
  io.out(
    `made ${manifest.created} by infinisec ${manifest.version}: ${manifest.driver} (store schema ${manifest.schemaVersion}), ${manifest.encrypted ? 'encrypted' : 'not encrypted'}\n`,
  );
  io.out('rows:\n');
  for (const [name, rows] of tables) io.out(`  ${name.padEnd(width)}  ${rows}\n`);
  const { entries, head } = manifest.audit;
  io.out(`audit chain: ${entries} ${entries === 1 ? 'entry' : 'entries'}`);
  io.out(head ? `, head ${head.seq} ${head.hash.slice(0, 16)}…\n` : '\n');
  const extras = manifest.parts.filter((p) => !p.name.startsWith('tables/') && p.name !== 'database.sqlite');
  io.out(`also holds: ${extras.length === 0 ? 'nothing else' : extras.map((p) => p.name).join(', ')}\n`);
}

function keyNote(manifest: BackupManifest, io: CliIo): void {
  if (manifest.secretKey === 'file')
    io.out('the backup holds the secret key: keep it as safe as the key itself\n');
  if (manifest.secretKey === 'env')
    io.err(
      'infinisec: the secret key comes from INFINISEC_SECRET_KEY and is not in the backup: keep it apart, the stored secrets need it\n',
    );
}

/** `infinisec backup`: a backup of every record, the configuration and the keys; restored and verified. */
export const backupCommand: Command = {
  name: 'backup',
  summary: 'back up the store, the configuration and the keys; restore and verify a backup',
  usage: `${USAGE}

  create    writes one file (gzip; with --passphrase-env, encrypted with AES-256-GCM): the store (a
            consistent copy, the gateway may run), the configuration file and the data dir's key files;
            default file <store.dataDir>/backups/infinisec-<UTC time>.backup, mode 0600; audited
  restore   checks every part of FILE, then restores it into an empty data dir (and, for PostgreSQL, an
            empty schema: --postgres-url, else store.postgres.url; --schema, else store.postgres.schema),
            then opens the restored store and checks row counts, the audit chain and the secrets; exit
            status 1 when anything does not match
  verify    checks FILE whole (manifest, SHA-256 of every part) without restoring it

  --passphrase-env NAME   the environment variable holding the passphrase (never on the command line)
  -c, --config FILE       configuration file (default: $INFINISEC_CONFIG, else ./infinisec.yaml)`,
  async run(args, io) {
    const { values, positionals } = parseOptions(
      args,
      {
        config: { type: 'string', short: 'c' },
        out: { type: 'string' },
        'passphrase-env': { type: 'string' },
        'data-dir': { type: 'string' },
        'postgres-url': { type: 'string' },
        schema: { type: 'string' },
      },
      USAGE,
    );
    const [verb, file, ...rest] = positionals;
    if (rest.length > 0) throw usage(`unexpected "${rest[0]}"`);
    const configFile = typeof values.config === 'string' ? values.config : undefined;
    switch (verb) {
      case 'create': {
        if (file !== undefined) throw usage(`create: unexpected "${file}" (the file is --out FILE)`);
        const secret = passphrase(values['passphrase-env'], io);
        if (secret !== undefined && secret.length < MIN_PASSPHRASE)
          throw usage(`--passphrase-env: the passphrase has fewer than ${MIN_PASSPHRASE} characters`);
        const config = await loadConfig({ ...(configFile ? { file: configFile } : {}), env: io.env });
        if (config.store.driver === 'memory')
          throw usage('store.driver is memory: nothing is kept, there is nothing to back up');
        const created = await createBackup({
          config,
          configFile: await configText(configFile, io),
          out: typeof values.out === 'string' ? values.out : undefined,
          passphrase: secret,
          env: io.env,
        });
        io.out(`backup written: ${created.file}\nsize: ${size(created.bytes)}\n`);
        describe(created.manifest, io);
        keyNote(created.manifest, io);
        return EXIT.ok;
      }
      case 'verify': {
        if (file === undefined) throw usage('verify: missing FILE');
        const manifest = await readBackupFile(file, { passphrase: passphrase(values['passphrase-env'], io) });
        io.out(`backup intact: ${file} (every part matches its SHA-256)\n`);
        describe(manifest, io);
        return EXIT.ok;
      }
      case 'restore': {
        if (file === undefined) throw usage('restore: missing FILE');
        const dataDir = values['data-dir'];
        if (typeof dataDir !== 'string')
          throw usage('restore: missing --data-dir DIR (an empty or new folder)');
        const config = await loadConfig({ ...(configFile ? { file: configFile } : {}), env: io.env });
        const restored = await restoreBackup({
          file,
          config,
          dataDir,
          postgresUrl: typeof values['postgres-url'] === 'string' ? values['postgres-url'] : undefined,
          schema: typeof values.schema === 'string' ? values.schema : undefined,
          passphrase: passphrase(values['passphrase-env'], io),
          env: io.env,
        });
        const { manifest } = restored;
        io.out(
          `restored ${file} (${manifest.driver} backup made ${manifest.created} by infinisec ${manifest.version})\n`,
        );
        io.out(`  data dir: ${restored.dataDir} (${restored.files.join(', ') || 'no files'})\n`);
        if (restored.postgres) io.out(`  schema: ${restored.postgres.schema}\n`);
        if (restored.files.includes(restoredConfigName(manifest.configFile)))
          io.out(
            `  the configuration is in ${restoredConfigName(manifest.configFile)}: set its store.dataDir${restored.postgres ? ' and store.postgres' : ''} to the restored store before using it\n`,
          );
        io.out('verification:\n');
        for (const check of restored.checks)
          io.out(`  ${check.ok ? 'ok  ' : 'FAIL'}  ${check.what}: ${check.detail}\n`);
        io.out(restored.ok ? 'restore verified\n' : 'restore NOT verified: see the checks above\n');
        return restored.ok ? EXIT.ok : EXIT.failure;
      }
      default:
        throw usage(verb === undefined ? 'missing an action' : `unknown action "${verb}"`);
    }
  },
};
