import { join, resolve } from 'node:path';
import type { Config } from '../../config/index.js';
import type { AtRestFacts } from '../../guardian/compliance/index.js';
import type { SecretStore } from '../../store/index.js';
import { databaseFile } from '../decision-persistence.js';
import { NEXT_SECRET_KEY_FILE, SECRET_KEY_ENV, SECRET_KEY_FILE } from '../secret-key.js';
import { fileFacts } from './file-mode.js';

type Env = Readonly<Record<string, string | undefined>>;

// SQLite keeps its write-ahead log and shared memory beside the database, with the same contents at risk.
const JOURNALS = ['', '-wal', '-shm'];

/**
 * What protects the data on disk: the sealed secrets by key id, where the key is and its file's mode, and
 * the modes of the database files. Never reads the key.
 */
export async function atRestFacts(config: Config, env: Env, secrets: SecretStore): Promise<AtRestFacts> {
  const sealedByKey: Record<string, number> = {};
  for (const secret of await secrets.list()) {
    const keyId = secret.sealed.split('.')[1] ?? 'unknown';
    sealedByKey[keyId] = (sealedByKey[keyId] ?? 0) + 1;
  }
  const { driver, dataDir } = config.store;
  const fromEnv = env[SECRET_KEY_ENV] !== undefined && env[SECRET_KEY_ENV] !== '';
  const dir = resolve(dataDir);
  const key =
    driver === 'memory'
      ? ({ source: 'memory' } as const)
      : fromEnv
        ? ({ source: 'env' } as const)
        : { source: 'file' as const, ...fileFacts(join(dir, SECRET_KEY_FILE)) };
  return {
    driver,
    sealedByKey,
    key,
    pendingRotation: key.source === 'file' && fileFacts(join(dir, NEXT_SECRET_KEY_FILE)).mode !== undefined,
    databaseFiles:
      driver === 'sqlite'
        ? JOURNALS.map((suffix) => fileFacts(`${resolve(databaseFile(config))}${suffix}`))
        : [],
  };
}
