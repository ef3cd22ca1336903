import { decodeBase64Bits } from './decode-base64-bits.js';
import { isEncoded } from './find-triggers.js';
import type { Hit } from './hit.js';
import { GADGETS } from './java-vocabulary.js';

const TOKEN = /[A-Za-z0-9+/_-]{6,}/g;
const MAX_TOKEN = 16 * 1024;
const MAX_TOKENS = 64;
const TRANSFORM = 'base64-bits';
const out = new Uint8Array(((MAX_TOKEN * 3) >> 2) + 4);

// Class names an encoded serialized object carries, by how sure they make us (case-folded letter runs).
const ENCODED_NAMES = new Map<string, number>([
  ...[...GADGETS].filter((g) => g !== 'functors').map((g): [string, number] => [g, 0.9]),
  ...[
    'objectdataprovider',
    'typeconfusedelegate',
    'textformattingrunproperties',
    'activitysurrogateselector',
  ].map((g): [string, number] => [g, 0.9]),
  ...['windowsidentity', 'sessionsecuritytoken', 'assemblyinstaller', 'xamlreader', 'expandedwrapper'].map(
    (g): [string, number] => [g, 0.9],
  ),
  ...['stubspecification', 'deprecatedinstancevariableproxy'].map((g): [string, number] => [g, 0.9]),
  ...[
    'runtime',
    'getruntime',
    'processbuilder',
    'processstartinfo',
    'scriptenginemanager',
    'urlclassloader',
  ].map((g): [string, number] => [g, 0.8]),
]);
const MIN_NAME = Math.min(...[...ENCODED_NAMES.keys()].map((k) => k.length));
// Modules a pickle imports to run programs.
const PICKLE_NAMES = [
  'posix',
  'subprocess',
  'builtins',
  '__builtin__',
  'commands',
  'system',
  'popen',
  'exec',
  'eval',
];

function isLetter(b: number): boolean {
  return (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b === 95;
}

// Letter runs of the decoded bytes, case-folded; `_` counts, so `__builtin__` stays one run.
function letterRuns(count: number, min: number): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i <= count; i++) {
    if (i < count && isLetter(out[i]!)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= min) runs.push(String.fromCharCode(...out.subarray(start, i)).toLowerCase());
      start = -1;
    }
  }
  return runs;
}

function hasJavaMagic(count: number): boolean {
  for (let i = 0; i + 3 < count; i++) {
    if (out[i] === 0xac && out[i + 1] === 0xed && out[i + 2] === 0x00 && out[i + 3] === 0x05) return true;
  }
  return false;
}

function isBinaryFormatter(count: number): boolean {
  const header = [0x00, 0x01, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff];
  return count >= header.length && header.every((b, i) => out[i] === b);
}

function judgeDecoded(token: string, count: number, skip: number): Hit | undefined {
  const evidence = token.slice(0, 64);
  if (hasJavaMagic(count)) return { rule: 'java-serialized', confidence: 1, evidence, transform: TRANSFORM };
  if (skip === 0 && isBinaryFormatter(count))
    return { rule: 'dotnet-serialized', confidence: 0.9, evidence, transform: TRANSFORM };
  const pickle = skip === 0 && out[0] === 0x80 && out[1]! >= 2 && out[1]! <= 5;
  const runs = letterRuns(count, pickle ? 2 : MIN_NAME);
  if (pickle) {
    const armed = runs.some((r) => PICKLE_NAMES.some((p) => r.includes(p)));
    return { rule: 'python-pickle', confidence: armed ? 1 : 0.6, evidence, transform: TRANSFORM };
  }
  let best: Hit | undefined;
  for (const run of runs) {
    // A token that decodes to nothing but the class name was made to carry it; inside longer decoded
    // text (a base64 JSON document, say) the name may be a plain word.
    const whole = run.length + 1 >= count;
    for (const [name, weight] of ENCODED_NAMES) {
      const confidence = whole && run.length <= name.length + 1 ? Math.max(weight, 0.9) : weight;
      if (run.includes(name) && (best === undefined || confidence > best.confidence))
        best = {
          rule: 'encoded-gadget',
          confidence,
          evidence: `${evidence} (${name})`,
          transform: TRANSFORM,
        };
    }
  }
  return best;
}

function looksEncoded(token: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper >= 2 && lower >= 1 && isEncoded(token, 0, token.length, upper, lower);
}

/**
 * Serialized objects hidden in base64 tokens, aligned or cut mid-byte: the Java stream magic, a .NET
 * BinaryFormatter header, a pickle that imports a program runner, or gadget class names in the bytes.
 */
export function findEncodedPayload(text: string): Hit | undefined {
  let best: Hit | undefined;
  let tokens = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null && tokens < MAX_TOKENS; m = TOKEN.exec(text)) {
    const token = m[0].length > MAX_TOKEN ? m[0].slice(0, MAX_TOKEN) : m[0];
    if (!looksEncoded(token)) continue;
    tokens++;
    for (let skip = 0; skip <= 6; skip += 2) {
      const count = decodeBase64Bits(token, skip, out);
      const hit = judgeDecoded(token, count, skip);
      if (hit !== undefined && (best === undefined || hit.confidence > best.confidence)) best = hit;
      if (best !== undefined && best.confidence >= 1) return best;
    }
  }
  return best;
}
