import type { SqlRule } from '../sql-rule.js';
import type { SqlToken } from '../sql-token.js';
import { WORD_FLAG, wordFlags } from '../sql-words.js';

// Any word SQL calls: its functions (`concat`, `abs`, `now`), fingerprinting, delays, error functions, routines.
const CALLABLE =
  WORD_FLAG.builtin |
  WORD_FLAG.sqlFunction |
  WORD_FLAG.info |
  WORD_FLAG.delay |
  WORD_FLAG.error |
  WORD_FLAG.system;
// Keywords followed by a parenthesis in SQL: `IN (`, `VALUES (`, `IF (`, `EXISTS (`.
const KEYWORDS = new Set(['in', 'values', 'if', 'exists', 'any', 'some', 'cast']);
// Names that are words of English too: a title typed into a search (`Time (magazine)`, `Left (film)`) passes
// through `time (` on its way, so these count only glued to their parenthesis, as code writes them.
const ENGLISH = new Set(
  `abs any avg bin cast char compress convert cos count database date day decode default encode exists exp
  extract field floor format greatest hex hour if in insert least left length log lower match max mid min minute
  month now password point position power quarter quote rand repeat replace reverse right round second sign
  sin sleep some space sum tan time trim upper user values version week year`.split(/\s+/),
);
// Non-word tokens that may sit between the name and its `(` (`sleep   (`, `user/**/(`, `length||(`).
const MAX_JUNK = 3;
// Longer values are sentences or code, never a bare call cut open.
const MAX_LENGTH = 64;

/**
 * `concat(`, `SLEEP (`, `database(`, `select char(`: a value that is nothing but an SQL function's name and the
 * parenthesis opening its call, as sent by fuzzers to see whether function calls reach the query (and by
 * injections cut at a length limit): nobody types a name and an open parenthesis, and nothing else, in a
 * form. A word of English (`date(`, `round(`) counts only glued to its parenthesis.
 */
export const openCallRule: SqlRule = {
  name: 'open-call',
  check(view) {
    const { tokens } = view;
    const last = tokens.length - 1;
    if (last < 1 || view.input.length > MAX_LENGTH) return undefined;
    if (tokens[last]!.kind !== 'open') return undefined;
    let k = last - 1;
    while (k > 0 && last - k <= MAX_JUNK && isJunk(tokens[k]!)) k--;
    const name = tokens[k]!;
    if (name.kind !== 'word' || name.quote !== '' || !isCallable(name.text)) return undefined;
    if (ENGLISH.has(name.text) && !glued(view.input, name.end)) return undefined;
    let lead = k - 1;
    while (lead >= 0 && (isJunk(tokens[lead]!) || tokens[lead]!.kind === 'open')) lead--;
    // `select char(`, `procedure analyse (`
    if (lead >= 0 && (tokens[lead]!.text === 'select' || tokens[lead]!.text === 'procedure')) lead--;
    while (lead >= 0 && (isJunk(tokens[lead]!) || tokens[lead]!.kind === 'string')) lead--;
    return lead < 0 ? { confidence: 0.9, first: k, last } : undefined;
  },
};

/**
 * `count(`, `version=(`, `password?(`: the parenthesis right after the name, or after punctuation glued to it
 * (not the eyes of `time :(` or `no =(`).
 */
function glued(input: string, end: number): boolean {
  for (let i = end; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 40) return true;
    if (c <= 32 || c === 58 || c === 59) return false;
  }
  return false;
}

function isJunk(token: SqlToken): boolean {
  const kind = token.kind;
  return (
    kind === 'operator' || kind === 'other' || kind === 'close' || kind === 'comma' || kind === 'semicolon'
  );
}

function isCallable(text: string): boolean {
  return !text.includes('.') && ((wordFlags(text) & CALLABLE) !== 0 || KEYWORDS.has(text));
}
