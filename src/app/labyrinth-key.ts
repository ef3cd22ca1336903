import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.js';
import { InfinisecError } from '../core/index.js';

const FILE = 'labyrinth.key';

/**
 * The gateway's own key: the maze's when the configuration names none, and the challenge's; kept in the data
 * dir so the maze, the canaries already served and the challenge passes stay valid across restarts; random
 * for the memory store, which keeps nothing.
 */
export function labyrinthKey(config: Config): string {
  if (config.store.driver === 'memory') return randomBytes(32).toString('base64url');
  const path = join(config.store.dataDir, FILE);
  try {
    const kept = readFileSync(path, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw unreadable(path, err);
  }
  const key = randomBytes(32).toString('base64url');
  try {
    mkdirSync(config.store.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(path, `${key}\n`, { mode: 0o600 });
  } catch (err) {
    throw unreadable(path, err);
  }
  return key;
}

function unreadable(path: string, err: unknown): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_STATE', 'labyrinth', `${path}: ${(err as Error).message}`, {
    cause: err,
  });
}
