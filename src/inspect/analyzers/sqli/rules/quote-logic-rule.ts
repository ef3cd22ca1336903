import type { SqlRule } from '../sql-rule.js';
import type { SqlView } from '../sql-view.js';
import { isQuotedWord } from './quoted-word.js';

// Words that join a condition to the literal the value closes: `' or`, `'and`, `' xor`, `'is not`.
const LOGIC = new Set(['or', 'and', 'xor', '||', '&&', 'is']);
const SPACE = /\s/;
const WORD = /^\w+$/;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
// A quote glued to the word after it opens a phrase (`"and white`) unless the word is code (`'or(`).
const WORD_AFTER = /[\s\w]/;

/**
 * `' or abc!`, `a'or?--`, `id'is not-id--`, `admin@x.io' and email ! all (select email)--`, `\'and`: a value
 * that closes the application's literal right away and goes on with boolean logic, whatever follows — the
 * opening of a hand-made probe before its condition is tuned. Prose closes quotes after words and leaves a
 * space before the next one (`Chris' and Ana's`), and searches open quoted phrases (`shabby "and white`,
 * `"IS" STAMP`), so the literal must be empty with the quote not opening a phrase, an e-mail address, a run
 * of quotes, or end in a backslash that defeats an application escaping quotes; or one word with the logic
 * word glued to its quote and code after it (`id'is not-id--`, not `id'is notes`). Numbers are left to the
 * tautology rule: `1950' AND 60'S COATS` is a search for a decade.
 */
export const quoteLogicRule: SqlRule = {
  name: 'quote-logic',
  needsValid: false,
  check(view) {
    if (view.quote === '' || view.shape[0] !== 's') return undefined;
    const { tokens, input } = view;
    const operator = tokens[1];
    if (operator === undefined || !LOGIC.has(operator.text) || isQuotedWord(view, 1)) return undefined;
    if (quotedPhrase(input, view.quote)) return undefined;
    const literal = tokens[0]!.text;
    const escaped = literal.endsWith('\\');
    if (!escaped && (tokens.length < 3 || emptyRest(view))) return undefined;
    const glued = !SPACE.test(input[operator.start - 1] ?? ' ');
    const prefix = literal.trim();
    let plain: boolean;
    if (prefix === '') plain = !glued || !WORD_AFTER.test(input[operator.end] ?? ' ');
    else
      plain =
        /^['"`]+$/.test(prefix) ||
        escaped ||
        EMAIL.test(prefix) ||
        (glued && WORD.test(literal) && symbolAfter(view));
    if (!plain) return undefined;
    return { confidence: 0.9, first: 0, last: tokens.length - 1 };
  },
};

// What separates words in a URL as received (`id'is%20notes`, `id'is+notes`).
const URL_SPACE = /^(?:\+|%[0-9a-f]{0,2})$/i;

/** Whether anything but words follows the logic word: `a'or?--`, not `id'is notes`. */
function symbolAfter(view: SqlView): boolean {
  for (let k = 2; k < view.tokens.length; k++) {
    const token = view.tokens[k]!;
    if (token.kind !== 'word' && token.kind !== 'number' && !URL_SPACE.test(token.text)) return true;
  }
  return view.trailingComment !== undefined;
}
/** `'and so on'`: the value opens and closes its only pair of quotes around words. */
function quotedPhrase(input: string, quote: string): boolean {
  const text = input.trim();
  if (text.length < 2 || text[0] !== quote || text[text.length - 1] !== quote) return false;
  return text.indexOf(quote, 1) === text.length - 1;
}

/**
 * Nothing after the logic word but one literal the application closes: `'or'`, or `' or 'x`, which
 * searches write to join phrases (the tautology rule weighs it).
 */
function emptyRest(view: SqlView): boolean {
  const { tokens } = view;
  return tokens.length === 3 && tokens[2]!.kind === 'string';
}
