import type { Hit } from './hit.js';

const MAX_SCAN = 64 * 1024;
const NEEDLE = [...'prototype'].map((c) => c.charCodeAt(0));
const WINDOW = 96;
// `"constructor": {"prototype": {`, `"constructor":{"a":1,"prototype":{`: the key path a merge walks.
const NESTED = /["']constructor["']\s*:\s*\{[^{}]{0,48}["']prototype["']\s*:\s*\{/;

function indexOfNeedle(body: Uint8Array, from: number, end: number): number {
  for (
    let i = body.indexOf(NEEDLE[0]!, from);
    i >= 0 && i + NEEDLE.length <= end;
    i = body.indexOf(NEEDLE[0]!, i + 1)
  ) {
    let k = 1;
    while (k < NEEDLE.length && body[i + k] === NEEDLE[k]) k++;
    if (k === NEEDLE.length) return i;
  }
  return -1;
}

function latin1(body: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(body[i]!);
  return s;
}

/**
 * `{"constructor": {"prototype": {...}}}` in a JSON body: the prototype path that `__proto__` filters
 * miss. Found in the raw bytes, since keys whose leaves are numbers or booleans yield no value to inspect.
 */
export function findBodyPrototype(body: Uint8Array): Hit | undefined {
  const end = Math.min(body.length, MAX_SCAN);
  for (let at = indexOfNeedle(body, 0, end); at >= 0; at = indexOfNeedle(body, at + 1, end)) {
    const window = latin1(body, Math.max(0, at - WINDOW), Math.min(end, at + 16));
    const m = NESTED.exec(window);
    if (m !== null) return { rule: 'prototype-pollution', confidence: 0.9, evidence: m[0].slice(0, 64) };
  }
  return undefined;
}
