import { EXEC, GADGETS, JAVA_ROOTS, REACH } from './java-vocabulary.js';

/** What a value holds that some detector of this family needs; 0 for ordinary values. */
export const Trigger = Object.freeze({
  JAVA: 1,
  DOTNET: 2,
  SCRIPT: 4,
  PROPERTY: 8,
  PICKLE: 16,
  OGNL: 32,
  PHP_SERIAL: 64,
  YAML: 128,
  BASE64: 256,
  HEX_MAGIC: 512,
  DOLLAR: 1024,
  NEWLINE: 2048,
  HASH: 4096,
  AT: 8192,
});

const SEGMENT = 1;
const BASE64 = 2;
const UPPER = 4;
const LOWER = 8;
const CLASS = new Uint8Array(128);
// Case-folded code of each identifier char, for hashing segments without allocating.
const FOLD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  let k = 0;
  if (/[A-Za-z0-9_]/.test(ch)) k |= SEGMENT;
  if (/[A-Za-z0-9+/_-]/.test(ch)) k |= BASE64;
  if (/[A-Z]/.test(ch)) k |= UPPER;
  if (/[a-z]/.test(ch)) k |= LOWER;
  CLASS[c] = k;
  FOLD[c] = ch.toLowerCase().charCodeAt(0);
}

function hash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + FOLD[word.charCodeAt(i)]!) | 0;
  return h;
}

// Identifier segments (case-folded) that wake a detector up, in an open-addressing table of hashes.
const SLOTS = 1024;
const HASHES = new Int32Array(SLOTS);
const BITS = new Uint16Array(SLOTS);
function add(bit: number, words: Iterable<string>): void {
  for (const word of words) {
    const h = hash(word);
    let slot = h & (SLOTS - 1);
    while (BITS[slot] !== 0 && HASHES[slot] !== h) slot = (slot + 1) & (SLOTS - 1);
    HASHES[slot] = h;
    BITS[slot] = BITS[slot]! | bit;
  }
}

function lookup(h: number): number {
  let slot = h & (SLOTS - 1);
  for (let bits = BITS[slot]!; bits !== 0; bits = BITS[slot]!) {
    if (HASHES[slot] === h) return bits;
    slot = (slot + 1) & (SLOTS - 1);
  }
  return 0;
}

add(
  Trigger.JAVA,
  [...EXEC, ...GADGETS, ...JAVA_ROOTS, ...REACH].filter((w) => w !== 'system' && w !== 'class'),
);
add(Trigger.JAVA, [
  'xwork2',
  'opensymphony',
  'corba',
  'rowset',
  'xalan',
  'bsh',
  'groovy',
  'clojure',
  'mchange',
  'bcel',
  'syndication',
  'rometools',
]);
add(Trigger.JAVA, ['springframework', 'commons', 'beanutils']);
add(Trigger.DOTNET, ['objectdataprovider', 'typeconfusedelegate', 'textformattingrunproperties', 'mscorlib']);
add(Trigger.DOTNET, [
  'activitysurrogateselector',
  'windowsidentity',
  'sessionsecuritytoken',
  'assemblyinstaller',
]);
add(Trigger.DOTNET, ['xamlreader', 'expandedwrapper', 'processstartinfo', 'presentationframework', 'system']);
add(Trigger.DOTNET, ['objectstateformatter', 'losformatter', 'windowsbase']);
add(Trigger.SCRIPT, [
  'spawn',
  'popen',
  'kernel',
  'open3',
  'process',
  'constructor',
  'prototype',
  '__proto__',
]);
add(Trigger.PROPERTY, ['__proto__', 'prototype', 'classloader', '__globals__', 'constructor']);
add(Trigger.PICKLE, ['cos', 'cposix', 'cnt', 'csubprocess', 'c__builtin__', 'cbuiltins', 'ccommands']);
add(Trigger.PICKLE, [
  'csys',
  'cplatform',
  'cpty',
  'csocket',
  'cimportlib',
  'cshutil',
  'cwebbrowser',
  'crunpy',
]);
add(Trigger.OGNL, ['_memberaccess', 'memberaccess', 'ognl', 'ognlcontext', 'default_member_access']);
add(Trigger.OGNL, ['xwork', 'ognlutil', 'excludedclasses', 'excludedpackagenames']);
// A hex dump of a Java stream starts `aced0005`: checked when a segment is eight chars long.
const HEX_MAGIC = hash('aced0005');

// `O:8:`, `C:3:`, `a:2:` opening a PHP serialized value.
function phpSerialAt(s: string, i: number): boolean {
  const p = s.charCodeAt(i - 1);
  if (p !== 79 && p !== 67 && p !== 97) return false;
  const before = i >= 2 ? s.charCodeAt(i - 2) : 32;
  if (before < 128 && (CLASS[before]! & SEGMENT) !== 0) return false;
  const n = s.charCodeAt(i + 1);
  return (n >= 48 && n <= 57) || n === 43;
}

// Punctuation a detector keys on; everything else outside identifiers is ignored.
function punctuation(s: string, i: number, c: number): number {
  switch (c) {
    case 35:
      return Trigger.HASH;
    case 36:
      return Trigger.DOLLAR;
    case 64:
      return Trigger.AT;
    case 33:
      return s.charCodeAt(i + 1) === 33 || s.startsWith('ruby/', i + 1) ? Trigger.YAML : 0;
    case 58:
      return phpSerialAt(s, i) ? Trigger.PHP_SERIAL : 0;
    default:
      return 0;
  }
}

/**
 * One pass over the first `limit` characters: which detectors have anything to look at. Identifier
 * segments are hashed case-folded and looked up in the vocabulary; runs of base64 chars count as encoded
 * when long and mixed-case (at least three capitals and three small letters), or when they hold the Java
 * stream magic. Ordinary words, ids, numbers, e-mails and prose return 0 without allocating.
 */
export function findTriggers(s: string, limit: number): number {
  const end = Math.min(s.length, limit);
  let found = 0;
  let h = 0;
  let segment = 0;
  let run = 0;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? s.charCodeAt(i) : 32;
    const k = c < 128 ? CLASS[c]! : 0;
    if ((k & SEGMENT) !== 0) {
      h = (Math.imul(h, 31) + FOLD[c]!) | 0;
      if (++segment === 8 && h === HEX_MAGIC) found |= Trigger.HEX_MAGIC;
    } else if (segment !== 0) {
      if (segment >= 2) found |= lookup(h);
      h = 0;
      segment = 0;
    }
    if ((k & BASE64) !== 0) {
      run++;
      if ((k & UPPER) !== 0) upper++;
      else if ((k & LOWER) !== 0) lower++;
      continue;
    }
    if (run >= 6 && upper >= 2 && lower >= 1 && isEncoded(s, i - run, i, upper, lower))
      found |= Trigger.BASE64;
    run = 0;
    upper = 0;
    lower = 0;
    if (c >= 33 && c < 128) found |= punctuation(s, i, c);
    else if (c === 10) found |= Trigger.NEWLINE;
  }
  return found;
}

/**
 * Whether the base64 run `s[from, to)` with `upper` capitals and `lower` small letters is worth decoding:
 * long and mixed-case, or holding the Java stream magic `AC ED 00 05` at one of its three alignments.
 */
export function isEncoded(s: string, from: number, to: number, upper: number, lower: number): boolean {
  if (to - from >= 10 && upper >= 3 && lower >= 3) return true;
  const token = s.slice(from, to);
  return token.includes('rO0AB') || token.includes('KztAAU') || token.includes('Cs7QAF');
}
