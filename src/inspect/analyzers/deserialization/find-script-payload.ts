import type { Hit } from './hit.js';

// Ruby's process APIs, what a Marshal or YAML gadget (or an `eval`) ends in: `Process.spawn("id")`.
const RUBY_PROCESS =
  /\b(?:Process|Kernel|IO|Open3)\s*\.\s*(?:spawn|exec|system|popen\w*|capture\w*|pipeline\w*)\s*\(/;
// React Flight references walking into the prototype chain: `"$1:__proto__:then"`, `"$3:constructor:constructor"`.
const FLIGHT_REFERENCE = /["']\$[0-9A-Za-z@]{0,8}:(?:[\w$]+:){0,8}(?:__proto__|constructor|prototype)\b/;

/**
 * Script-runtime gadgets that deserializers reach: React Flight references into the prototype chain,
 * and the Ruby process calls that Marshal and YAML gadget chains end in. Node.js code itself is the
 * `ssjs` analyzer's.
 */
export function findScriptPayload(text: string): Hit | undefined {
  const flight = FLIGHT_REFERENCE.exec(text);
  if (flight !== null) return { rule: 'react-flight', confidence: 0.95, evidence: flight[0] };
  const ruby = RUBY_PROCESS.exec(text);
  return ruby === null
    ? undefined
    : { rule: 'ruby-code', confidence: 0.9, evidence: text.slice(ruby.index, ruby.index + 64) };
}
