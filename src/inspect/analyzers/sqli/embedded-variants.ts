import type { Inspectable, Variant } from '../../inspectable.js';
import { CLAUSE_WORDS, DELAY_FUNCTIONS, LOGIC_WORDS, STATEMENT_WORDS, UNION_WORDS } from './sql-words.js';

const MAX_PAIRS = 8;
const MAX_KEY = 64;
// Quote look-alikes that a database's "best fit" conversion to an 8-bit code page turns into `'` and `"`
// (SQL Server casting NVARCHAR to VARCHAR, drivers on a Latin code page): `’ OR ’1’=’1`.
const SINGLE = '\u2018\u2019\u201a\u201b\u2032\u00b4\u02b9\u02bc\u02c8\uff07';
const DOUBLE = '\u201c\u201d\u201e\u201f\u2033\u02ba\uff02';
const SINGLE_LOOKALIKES = new RegExp(`[${SINGLE}]`, 'g');
const DOUBLE_LOOKALIKES = new RegExp(`[${DOUBLE}]`, 'g');
const ANY_LOOKALIKE = new RegExp(`[${SINGLE}${DOUBLE}]`);
// ASP (classic, on IIS) drops a `%` that starts no escape: `%S%E%L%E%C%T` reaches the database as SELECT.
const LONE_PERCENT = /%(?![0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})/g;
const LONE_PERCENT_WORD = /%[G-Zg-z]%[A-Za-z]/;
// A comment glued inside a word (`UN/**\/ION`): SQL reads two words, but a filter that deletes comments
// before the query is built hands over one.
const SPLITTING_COMMENT = /([A-Za-z]{1,16})\/\*[^*]{0,32}\*\/(?=([A-Za-z]{1,16}))/g;
const SPLIT_WORD = /[A-Za-z]\/\*[^*]{0,32}\*\/[A-Za-z]/;
// `un<>ion sel<>ect`: an empty tag glued inside a word, for a filter that strips tags before the query is built.
const SPLITTING_TAG = /([A-Za-z])<\/?>(?=[A-Za-z])/g;
const SPLIT_BY_TAG = /[A-Za-z]<\/?>[A-Za-z]/;
// Words no text splits with a comment by accident: the ones that run, join or delay a query.
const EVASIVE_WORDS: ReadonlySet<string> = new Set([...STATEMENT_WORDS, ...UNION_WORDS, ...DELAY_FUNCTIONS]);
const MIN_EVASIVE_LENGTH = 4;
const KEYWORDS: ReadonlySet<string> = new Set([
  ...LOGIC_WORDS,
  ...STATEMENT_WORDS,
  ...UNION_WORDS,
  ...CLAUSE_WORDS,
  ...DELAY_FUNCTIONS,
]);

/**
 * Spellings of a value that the shared normalizer does not make, as an application may still read them:
 * with `+` as a space in a path (`/post/24'union+all+select+1`, for routers that form-decode segments),
 * and the values of `key=value&...` pairs the value itself carries (`pay=AND 1=1`, a form field whose
 * `=` was encoded, or a query string inside a parameter), and with quote look-alikes as the quotes a
 * best-fit code-page conversion makes of them, and without the `%` signs that classic ASP drops when they
 * start no escape, and without comments or empty tags that split a word (`UN/**\/ION`, `un<>ion`), as a
 * filter deleting them leaves it.
 * Only decisive findings count in these readings.
 */
export function embeddedVariants(item: Inspectable, variants: readonly Variant[]): Variant[] {
  const out: Variant[] = [];
  const last = variants[variants.length - 1];
  if (last === undefined) return out;
  if ((item.kind === 'path' || item.kind === 'path-segment') && last.value.includes('+')) {
    out.push({ value: last.value.replaceAll('+', ' '), transforms: [...last.transforms, 'plus-space'] });
  }
  for (const value of pairValues(last.value))
    out.push({ value, transforms: [...last.transforms, 'query-value'] });
  if (LONE_PERCENT_WORD.test(last.value)) {
    out.push({
      value: last.value.replace(LONE_PERCENT, ''),
      transforms: [...last.transforms, 'asp-percent'],
    });
  }
  if (SPLIT_BY_TAG.test(last.value)) {
    out.push({
      value: last.value.replace(SPLITTING_TAG, '$1'),
      transforms: [...last.transforms, 'tag-strip'],
    });
  }
  if (SPLIT_WORD.test(last.value)) {
    out.push({
      value: last.value.replace(SPLITTING_COMMENT, joinKeyword),
      transforms: [...last.transforms, 'sql-comment-removal'],
    });
  }
  // Compatibility folding spells `´` as a space and a combining accent: take the latest reading that has them.
  const quoted = variants.findLast((variant) => ANY_LOOKALIKE.test(variant.value));
  if (quoted !== undefined) {
    const value = quoted.value.replace(SINGLE_LOOKALIKES, "'").replace(DOUBLE_LOOKALIKES, '"');
    out.push({ value, transforms: [...quoted.transforms, 'quote-lookalikes'] });
  }
  return out;
}

// Deletes the comment where the letters around it make a keyword (`UN/**\/ION`), else leaves a space
// (`UNION/**\/SELECT` is two words either way).
function joinKeyword(_match: string, left: string, right: string): string {
  const joined = `${left}${right}`.toLowerCase();
  return KEYWORDS.has(joined) && !KEYWORDS.has(left.toLowerCase()) ? left : `${left} `;
}

/**
 * The first comment-split keyword that runs, joins or delays a query (`SEL/**\/ECT`, `UNI/*x*\/ON`), as
 * written, or undefined. Splitting a word with a comment serves only to slip it past a filter.
 * @example splitKeyword('DR/**\/OP/*x*\/users') // "DR/**\/OP"
 */
export function splitKeyword(value: string): string | undefined {
  if (!SPLIT_WORD.test(value)) return undefined;
  for (const match of value.matchAll(SPLITTING_COMMENT)) {
    const left = match[1]!;
    const right = match[2]!;
    const joined = `${left}${right}`.toLowerCase();
    if (joined.length < MIN_EVASIVE_LENGTH || !EVASIVE_WORDS.has(joined)) continue;
    if (KEYWORDS.has(left.toLowerCase())) continue;
    return `${match[0]}${right}`;
  }
  return undefined;
}

/** The values of `k=v&k=v`, when the value starts with a key (letters, digits, `_.-[]@`) and `=`. */
function pairValues(value: string): string[] {
  const eq = value.indexOf('=');
  if (eq <= 0 || eq > MAX_KEY || !isKey(value, 0, eq)) return [];
  const out: string[] = [];
  let start = eq + 1;
  while (out.length < MAX_PAIRS) {
    const amp = value.indexOf('&', start);
    const end = amp < 0 ? value.length : amp;
    if (end > start) out.push(value.slice(start, end));
    if (amp < 0) break;
    const next = value.indexOf('=', amp + 1);
    if (next < 0) break;
    start = next + 1;
  }
  return out;
}

function isKey(value: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i);
    const word = (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95;
    if (!word && c !== 46 && c !== 45 && c !== 91 && c !== 93 && c !== 64) return false;
  }
  return true;
}
