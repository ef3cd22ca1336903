import { randomBytes } from 'node:crypto';
import { openStores } from '../../app/index.js';
import {
  discardNextSecretKey,
  loadSecretKeys,
  NEXT_SECRET_KEY_FILE,
  promoteNextSecretKey,
  SECRET_KEY_ENV,
  SECRET_KEY_FILE,
  type SecretKeys,
  writeSecretKeyFile,
} from '../../app/secret-key.js';
import { loadConfig } from '../../config/index.js';
import { InfinisecError, isInfinisecError } from '../../core/index.js';
import {
  type AuditLog,
  createAuditLog,
  createSecretBox,
  keyIdOf,
  rotateSecrets,
} from '../../guardian/index.js';
import type { SecretStore } from '../../store/index.js';
import { type CliIo, type Command, EXIT } from '../command.js';
import { parseOptions } from '../parse-options.js';

const USAGE = 'usage: infinisec secrets rotate-key [-c FILE]';

function usage(message: string): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'cli', message, { details: [USAGE] });
}

/**
 * A `secret.key.next` left by a rotation that stopped: the key ids in the sealed values say whether its
 * re-sealing landed (finish it: the next key becomes the key) or not (drop the next key). Returns the key
 * the secrets are sealed with now.
 */
async function settle(dataDir: string, keys: SecretKeys, secrets: SecretStore, io: CliIo): Promise<Buffer> {
  const next = keys.next!;
  const ids = new Set((await secrets.list()).map((s) => s.sealed.split('.')[1]));
  if (ids.size > 0 && [...ids].every((id) => id === keyIdOf(next))) {
    promoteNextSecretKey(dataDir);
    io.out(
      `finished an earlier rotation that stopped before its last step: ${NEXT_SECRET_KEY_FILE} is now ${SECRET_KEY_FILE}\n`,
    );
    return next;
  }
  if ([...ids].every((id) => id === keyIdOf(keys.current))) {
    discardNextSecretKey(dataDir);
    return keys.current;
  }
  throw new InfinisecError(
    'INFINISEC_ERR_SECRET_OPEN',
    'secrets',
    `the stored secrets are sealed with keys ${[...ids].join(', ')}: neither ${SECRET_KEY_FILE} (${keyIdOf(keys.current)}) nor ${NEXT_SECRET_KEY_FILE} (${keyIdOf(next)}) opens them all`,
  );
}

async function rotate(dataDir: string, keys: SecretKeys, secrets: SecretStore, io: CliIo) {
  const fresh = randomBytes(32);
  if (keys.source === 'env') {
    // Shown before anything changes: a crash after re-sealing must not leave secrets under a key nobody saw.
    io.out(`new secret key (base64), shown this once:\n${fresh.toString('base64')}\n`);
    try {
      const count = await rotateSecrets(secrets, createSecretBox(keys.current), createSecretBox(fresh));
      io.out(
        `re-encrypted ${count} secret(s) with the new key: replace ${SECRET_KEY_ENV} with it before infinisec starts again\n`,
      );
      return { count, from: keys.current, to: fresh };
    } catch (err) {
      io.err(
        `infinisec: nothing was re-encrypted: keep ${SECRET_KEY_ENV} as it is and forget the key above\n`,
      );
      throw err;
    }
  }
  const from = keys.next === undefined ? keys.current : await settle(dataDir, keys, secrets, io);
  // The new key is on disk before any secret depends on it, and becomes the key only once they all do.
  writeSecretKeyFile(dataDir, fresh, NEXT_SECRET_KEY_FILE);
  let count: number;
  try {
    count = await rotateSecrets(secrets, createSecretBox(from), createSecretBox(fresh));
  } catch (err) {
    discardNextSecretKey(dataDir);
    throw err;
  }
  promoteNextSecretKey(dataDir);
  io.out(`re-encrypted ${count} secret(s) with a new key in ${SECRET_KEY_FILE}\n`);
  return { count, from, to: fresh };
}

// The audit entry names the keys by id only: never a key, never a secret.
async function record(audit: AuditLog, keys: SecretKeys, details: Record<string, unknown>, ok: boolean) {
  await audit.append({
    actor: 'cli',
    action: 'secrets.rotate-key',
    target: keys.source === 'env' ? SECRET_KEY_ENV : SECRET_KEY_FILE,
    outcome: ok ? 'success' : 'failure',
    ip: '',
    details: { keySource: keys.source, ...details },
  });
}

/** `infinisec secrets rotate-key`: re-encrypts every stored secret under a fresh key, all or nothing. */
export const secretsCommand: Command = {
  name: 'secrets',
  summary: 're-encrypt the stored secrets under a new key',
  usage: `${USAGE}

  rotate-key   makes a new secret key and re-encrypts every stored secret with it, in one transaction.
               With the key in ${SECRET_KEY_FILE} (the data dir), the new key is written to ${NEXT_SECRET_KEY_FILE}
               first and renamed over ${SECRET_KEY_FILE} once the secrets are re-encrypted. With the key in
               ${SECRET_KEY_ENV}, the new key is printed once: put it in ${SECRET_KEY_ENV} before the next start.
               Stop infinisec first, or restart it right after. The audit log records the rotation.

  -c, --config FILE   configuration file (default: $INFINISEC_CONFIG, else ./infinisec.yaml)`,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { config: { type: 'string', short: 'c' } }, USAGE);
    const [verb, ...rest] = positionals;
    if (rest.length > 0) throw usage(`unexpected "${rest[0]}"`);
    if (verb !== 'rotate-key') throw usage(verb ? `unknown action "${verb}"` : 'missing action');
    // The key is no config option: the config loader is not to see it (nor to refuse it as unknown).
    const { [SECRET_KEY_ENV]: _key, ...configEnv } = io.env;
    const config = await loadConfig({
      ...(typeof values.config === 'string' ? { file: values.config } : {}),
      env: configEnv,
    });
    if (config.store.driver === 'memory') throw usage('store.driver is memory: no secrets are stored');
    const stores = await openStores(config);
    const secrets = stores.secrets;
    const audit = createAuditLog(stores.audit);
    try {
      const keys = loadSecretKeys(config.store.dataDir, io.env);
      let rotated: Awaited<ReturnType<typeof rotate>>;
      try {
        rotated = await rotate(config.store.dataDir, keys, secrets, io);
      } catch (err) {
        const reason = isInfinisecError(err) ? err.code : 'unexpected error';
        await record(audit, keys, { reason }, false).catch(() => undefined);
        throw err;
      }
      const { count, from, to } = rotated;
      await record(audit, keys, { secrets: count, fromKeyId: keyIdOf(from), toKeyId: keyIdOf(to) }, true);
      return EXIT.ok;
    } finally {
      await stores.close();
    }
  },
};
