import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { InfinisecError } from '../core/index.js';
import { CONFIG_PATH_ENV } from './env-name.js';

/** The file read when no path is given: `infinisec.yaml` in the working directory, if there is one. */
export const DEFAULT_CONFIG_FILE = 'infinisec.yaml';

/** Where the config comes from: a named file must exist, the default one may be missing. */
export interface ConfigFileRef {
  readonly path: string;
  readonly explicit: boolean;
}

/** The text of a config file, or undefined when the default file is absent. */
export interface ConfigFileText {
  readonly path: string;
  readonly text: string;
}

/**
 * Which file to read: `file`, else the path in `INFINISEC_CONFIG`, else `infinisec.yaml`.
 * @example resolveConfigFile(undefined, { INFINISEC_CONFIG: '/etc/infinisec.yaml' }) // explicit
 */
export function resolveConfigFile(
  file: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): ConfigFileRef {
  const named = file || env[CONFIG_PATH_ENV];
  return named ? { path: named, explicit: true } : { path: DEFAULT_CONFIG_FILE, explicit: false };
}

/** Reads the config file; throws INFINISEC_ERR_CONFIG_READ unless it is the default file and absent. */
export async function readConfigFile(ref: ConfigFileRef): Promise<ConfigFileText | undefined> {
  try {
    return { path: ref.path, text: await readFile(ref.path, 'utf8') };
  } catch (err) {
    return readFailure(ref, err);
  }
}

/** Like `readConfigFile`, for callers that cannot wait (start-up code before the event loop matters). */
export function readConfigFileSync(ref: ConfigFileRef): ConfigFileText | undefined {
  try {
    return { path: ref.path, text: readFileSync(ref.path, 'utf8') };
  } catch (err) {
    return readFailure(ref, err);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
};

function readFailure(ref: ConfigFileRef, err: unknown): undefined {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT' && !ref.explicit) return undefined;
  const reason = REASONS[code] ?? (err as Error).message;
  throw new InfinisecError('INFINISEC_ERR_CONFIG_READ', 'config', `${ref.path}: ${reason}`, { cause: err });
}
