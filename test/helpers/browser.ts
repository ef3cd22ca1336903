import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Debian's chromium (installed by .ci/run), or CHROMIUM_PATH; never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Whether the browser is there; under CI its absence is an error, not a reason to skip. */
export const present = existsSync(CHROMIUM);
if (!present && process.env.CI) throw new Error(`browser tests: no Chromium at ${CHROMIUM}`);

/** Where browser tests leave their screenshots. */
export const SHOTS = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));
/** The dashboard's build, which the control listener serves. */
export const BUILT = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));
/** Hosts a page may talk to: any other request fails the test. */
export const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
