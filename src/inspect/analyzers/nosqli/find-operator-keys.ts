import { type OperatorClass, operatorClass } from './mongo-operators.js';

/** A `$operator` found in a key or a value. */
export interface OperatorKey {
  readonly operator: string;
  readonly class: OperatorClass;
  readonly at: number;
  /** Written as `[$op]`: the query-string/form syntax that qs, PHP and Rails turn into an object key. */
  readonly bracketed: boolean;
  /** Followed by `:` (after an optional quote): an object key in JSON or JavaScript. */
  readonly objectKey: boolean;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c === 95;
}

/** Characters that may sit right before a key: start, `[`, `.`, `{`, quotes, blanks, `,`. */
function opensKey(c: number): boolean {
  return (
    Number.isNaN(c) ||
    c === 91 ||
    c === 46 ||
    c === 123 ||
    c === 34 ||
    c === 39 ||
    c === 32 ||
    c === 44 ||
    c === 9
  );
}

/** Characters that may end a key: end, `]`, `.`, quotes, `:`, `=`, `#`, blanks. */
function closesKey(c: number): boolean {
  return (
    Number.isNaN(c) ||
    c === 93 ||
    c === 46 ||
    c === 34 ||
    c === 39 ||
    c === 58 ||
    c === 61 ||
    c === 35 ||
    c === 32 ||
    c === 9
  );
}

/**
 * Finds `$operator` keys: `$` plus a tracked operator name, delimited as a key would be (`a[$ne]`,
 * `user.$gt`, `{"$where":`). The strongest (JavaScript first, then bracketed) is returned.
 */
export function findOperatorKey(s: string, end: number): OperatorKey | undefined {
  let best: OperatorKey | undefined;
  for (let i = s.indexOf('$'); i >= 0 && i < end; i = s.indexOf('$', i + 1)) {
    if (!opensKey(s.charCodeAt(i - 1))) continue;
    let j = i + 1;
    while (j < end && j - i < 20 && isWordChar(s.charCodeAt(j))) j++;
    if (j === i + 1 || !closesKey(s.charCodeAt(j))) continue;
    const operator = s.slice(i + 1, j);
    const found = operatorClass(operator);
    if (found === undefined) continue;
    const bracketed = s.charCodeAt(i - 1) === 91 && s.charCodeAt(j) === 93;
    const key: OperatorKey = { operator, class: found, at: i, bracketed, objectKey: isObjectKey(s, j, end) };
    if (best === undefined || rank(key) > rank(best)) best = key;
  }
  return best;
}

function isObjectKey(s: string, from: number, end: number): boolean {
  let j = from;
  if (s.charCodeAt(j) === 34 || s.charCodeAt(j) === 39) j++;
  while (j < end && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9)) j++;
  return s.charCodeAt(j) === 58;
}

function rank(key: OperatorKey): number {
  return (key.class === 'javascript' ? 4 : key.class === 'query' ? 2 : 0) + (key.bracketed ? 1 : 0);
}
