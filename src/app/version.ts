import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The version of infinisec, from its package.json. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Where the dashboard's production build is (web/dist, made by `npm run build`). */
export const WEB_ROOT: string = fileURLToPath(new URL('../../web/dist/', import.meta.url));
