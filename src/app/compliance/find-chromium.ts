import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The environment variable naming the Chromium binary to print PDFs with. */
export const CHROMIUM_PATH_ENV = 'CHROMIUM_PATH';
/** Names tried on PATH, in order, when CHROMIUM_PATH is not set. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'] as const;

/** A Chromium binary, or why there is none. */
export type ChromiumLookup = { readonly path: string } | { readonly missing: string };

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds a Chromium to print with: `CHROMIUM_PATH` when set (and then only it), else the first of chromium,
 * chromium-browser and google-chrome on PATH.
 */
export function findChromium(env: Readonly<Record<string, string | undefined>>): ChromiumLookup {
  const named = env[CHROMIUM_PATH_ENV];
  if (named !== undefined && named !== '')
    return executable(named)
      ? { path: named }
      : { missing: `${CHROMIUM_PATH_ENV} is ${named}, which is not an executable file` };
  const dirs = (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const name of CHROMIUM_NAMES)
    for (const dir of dirs) {
      const path = join(dir, name);
      if (executable(path)) return { path };
    }
  return {
    missing: `no Chromium found: none of ${CHROMIUM_NAMES.join(', ')} is on PATH, and ${CHROMIUM_PATH_ENV} is not set`,
  };
}
