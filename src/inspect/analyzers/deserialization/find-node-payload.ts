import type { Hit } from './hit.js';

// node-serialize revives `_$$ND_FUNC$$_function(){...}` with eval; funcster does the same for __js_function.
const SERIALIZED_FUNCTION = /_\$\$ND_FUNC\$\$_|__js_function/;
// What the revived function (or any server-side JS injection) does to reach the OS.
const RUNTIME_ACCESS =
  /\brequire\s*\(\s*["'`](?:child_process|fs|net|vm|os|dgram|cluster|worker_threads|module|process)["'`]|\bchild_process\b|process\s*\.\s*(?:mainModule|binding|dlopen|kill)\b|\bglobal\s*\.\s*process\b|\brequire\s*\.\s*main\b|\bmodule\s*\.\s*constructor\s*\.\s*_load\b|\bconstructor\s*\.\s*constructor\b|\beval\s*\(\s*String\s*\.\s*fromCharCode\b/;
// Ruby's process APIs, what a Marshal or YAML gadget (or an `eval`) ends in: `Process.spawn("id")`.
const RUBY_PROCESS =
  /\b(?:Process|Kernel|IO|Open3)\s*\.\s*(?:spawn|exec|system|popen\w*|capture\w*|pipeline\w*)\s*\(/;
// React Flight references walking into the prototype chain: `"$1:__proto__:then"`, `"$3:constructor:constructor"`.
const FLIGHT_REFERENCE = /["']\$[0-9A-Za-z@]{0,8}:(?:[\w$]+:){0,8}(?:__proto__|constructor|prototype)\b/;
// Probing for a JS evaluation context: `process.env`, `console.log(1)`, `new Function(`.
const PROBE =
  /\bprocess\s*(?:\.\s*env\b|\[)|\bconsole\s*(?:\.\s*\w+|\[["']\w+["']\])\s*(?:\.\s*call\s*)?\(|\bnew\s+Function\s*\(|\bmodule\s*\.\s*exports\s*=|\bfunction\s*\(\s*\)\s*\{|\brequire\s*\[/;

/**
 * Node.js payloads: serialized functions revived by node-serialize or funcster, the OS access they
 * carry (`require('child_process')`, `process.mainModule`, `constructor.constructor(...)`), React Flight
 * references into the prototype chain, and weaker evaluation probes.
 */
export function findNodePayload(text: string): Hit | undefined {
  const revived = SERIALIZED_FUNCTION.exec(text);
  if (revived !== null)
    return { rule: 'node-serialize', confidence: 1, evidence: text.slice(revived.index, revived.index + 64) };
  const runtime = RUNTIME_ACCESS.exec(text);
  if (runtime !== null)
    return { rule: 'node-code', confidence: 0.95, evidence: text.slice(runtime.index, runtime.index + 64) };
  const ruby = RUBY_PROCESS.exec(text);
  if (ruby !== null)
    return { rule: 'ruby-code', confidence: 0.9, evidence: text.slice(ruby.index, ruby.index + 64) };
  const flight = FLIGHT_REFERENCE.exec(text);
  if (flight !== null) return { rule: 'react-flight', confidence: 0.95, evidence: flight[0] };
  const probe = PROBE.exec(text);
  return probe === null
    ? undefined
    : { rule: 'node-code', confidence: 0.5, evidence: text.slice(probe.index, probe.index + 64) };
}
