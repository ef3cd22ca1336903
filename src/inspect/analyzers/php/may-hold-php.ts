import { phpFunctionTier } from './php-functions.js';

/** What a value holds that a PHP detector needs; 0 for ordinary values. */
export const PhpTrigger = Object.freeze({ CALL: 1, TAG: 2, DOLLAR: 4, WRAPPER: 8, INI: 16 });

const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;

function isWord(c: number): boolean {
  return c < 128 && WORD[c] === 1;
}

// Whether the `(` at `i` can call something: a PHP function name, a variable, a string, a closing
// bracket (`)(`, `](`) or a comment (`exec/**/(`) before it. `word (aside)` in prose cannot.
function callsAt(s: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (s.charCodeAt(j) === 32 || (s.charCodeAt(j) >= 9 && s.charCodeAt(j) <= 13))) j--;
  if (j < 0) return false;
  const c = s.charCodeAt(j);
  if (c === 34 || c === 39 || c === 41 || c === 93 || c === 125 || c === 47 || c === 35) return true;
  if (!isWord(c)) return false;
  let start = j;
  while (start > 0 && isWord(s.charCodeAt(start - 1))) start--;
  if (start > 0 && s.charCodeAt(start - 1) === 36) return true;
  return j - start < 48 && phpFunctionTier(s.slice(start, j + 1).toLowerCase()) > 0;
}

// Chars that start something a PHP detector looks for; every other char is skipped with one lookup.
const SPECIAL = new Uint8Array(128);
for (const c of '(<$[{:=#/') SPECIAL[c.charCodeAt(0)] = 1;

/** One pass over the first `limit` characters: which PHP detectors have anything to look at. */
export function mayHoldPhp(s: string, limit: number): number {
  const end = Math.min(s.length, limit);
  let found = 0;
  let paren = false;
  let comment = false;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || SPECIAL[c] === 0) continue;
    switch (c) {
      case 40:
        paren = true;
        if ((found & PhpTrigger.CALL) === 0 && callsAt(s, i)) found |= PhpTrigger.CALL;
        break;
      case 60:
        if (s.charCodeAt(i + 1) === 63) found |= PhpTrigger.TAG;
        break;
      case 36:
        found |= PhpTrigger.DOLLAR;
        break;
      case 91:
      case 123:
        if (isPhpBracketTag(s, i)) found |= PhpTrigger.TAG;
        break;
      case 58:
        if (s.charCodeAt(i + 1) === 47 && s.charCodeAt(i + 2) === 47) found |= PhpTrigger.WRAPPER;
        else if (i >= 4 && (s.charCodeAt(i - 4) | 32) === 100 && (s.charCodeAt(i - 1) | 32) === 97)
          found |= PhpTrigger.WRAPPER;
        break;
      case 61:
        if (i > 0) found |= PhpTrigger.INI;
        break;
      case 35:
        comment = true;
        break;
      default: {
        const n = s.charCodeAt(i + 1);
        if (n === 47 || n === 42) comment = true;
      }
    }
  }
  // A comment anywhere can sit between a name and its `(`: `exec /*x*/ (`, `exec #x\n(`.
  return paren && comment ? found | PhpTrigger.CALL : found;
}

// `[php]`, `{/php}`, `[\php]`.
function isPhpBracketTag(s: string, i: number): boolean {
  const c = s.charCodeAt(i + 1);
  const n = c === 47 || c === 92 ? i + 2 : i + 1;
  return (
    (s.charCodeAt(n) | 32) === 112 && (s.charCodeAt(n + 1) | 32) === 104 && (s.charCodeAt(n + 2) | 32) === 112
  );
}
