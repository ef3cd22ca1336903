import { renameSync, writeFileSync } from 'node:fs';
import { type Config, loadConfigText, resolveConfigFile } from '../config/index.js';
import { InfinisecError } from '../core/index.js';
import { createAuditLog, createSecretBox } from '../guardian/index.js';
import { assertServable } from './assert-servable.js';
import { digestOf, readConfigText, sealedVersionName } from './config-control.js';
import { openStores } from './open-stores.js';
import { loadSecretKey } from './secret-key.js';

/** What a rollback of the configuration file did. */
export interface FileRollback {
  readonly file: string;
  readonly version: number;
  /** False when the file already held that version's text. */
  readonly changed: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

const refuse = (detail: string) => new InfinisecError('INFINISEC_ERR_STATE', 'config', detail);

/**
 * Writes an earlier version's text over the configuration file (atomically) and records it in the audit log as
 * `config.rollback` by `cli`; a running infinisec applies it through its file watch, as a new version. This is
 * the operator's path on the machine itself: it does not wait for change approvals, and the audit log says so.
 */
export async function rollbackConfigFile(
  config: Config,
  configFile: string | undefined,
  version: number,
  env: Env,
): Promise<FileRollback> {
  const file = resolveConfigFile(configFile, env).path;
  const stores = await openStores(config);
  try {
    const stored = await stores.configVersions.get(version);
    if (stored === undefined) throw refuse(`there is no configuration version ${version}`);
    if (stored.sealed === null)
      throw refuse(`version ${version} was recorded without its text and cannot be applied again`);
    const key = loadSecretKey(config.store.dataDir, env);
    const text = createSecretBox(key).open(sealedVersionName(stored.digest), stored.sealed).toString('utf8');
    assertServable(loadConfigText(text, `configuration version ${version}`, { env }));
    const changed = digestOf(readConfigText(file)) !== digestOf(text);
    if (changed) {
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, text, { mode: 0o600 });
      renameSync(temp, file);
    }
    await createAuditLog(stores.audit).append({
      actor: 'cli',
      action: 'config.rollback',
      target: String(version),
      outcome: 'success',
      ip: '',
      details: { file, changed, approvals: 'not asked: local operator' },
    });
    return { file, version, changed };
  } finally {
    await stores.close();
  }
}
