import { hasBadEnding } from '../bad-ending.js';
import { closedByApplication } from '../closed-by-application.js';
import { isRole } from '../is-role.js';
import type { SqlRule } from '../sql-rule.js';
import type { SqlTail } from '../sql-tail.js';
import type { SqlToken } from '../sql-token.js';
import type { SqlView } from '../sql-view.js';
import { isQuotedWord, quoteJoin } from './quoted-word.js';

/**
 * `' or 1=1`, `" or ""="`, `') or ('a'='a`, `' and 1=0 union`: a quoted literal closed by the value, then
 * boolean logic that makes the application's WHERE clause true (or probes it). A literal comparison in a
 * value the application's closing quote completes is unmistakable; without a comparison (`' or 1`) it is
 * weaker unless completed (`' or true--`, `x' or column^'1`, `' -1 or '1`). Quoted strings joined by a
 * word alone (`"foo" OR "bar`) are how searches combine phrases, even with their quotes unbalanced.
 */
export const tautologyRule: SqlRule = {
  name: 'tautology',
  check(view, tail) {
    if (
      tail?.breakKind !== 'quote' ||
      (tail.facts.logic === 0 && !tail.having) ||
      !tail.valid ||
      hasBadEnding(view, tail.quote)
    )
      return undefined;
    const { facts } = tail;
    // The application's quote or a comment completes the value, or `;` ends the statement (`' or true;`).
    const complete = closedByApplication(view, tail.quote) || tail.continued;
    let confidence: number;
    if (facts.literalComparisons > 0) confidence = complete ? 1 : 0.95;
    else if (facts.comparisons > 0 || facts.subqueries > 0) confidence = complete ? 0.95 : 0.9;
    else if (isRole(tail.operand, '1f(v')) confidence = complete || symbolic(view, tail.start) ? 0.9 : 0.7;
    else if (tail.operand === 'n' && complete && (facts.arithmetic > 0 || facts.logic > 1)) confidence = 0.9;
    else if (tail.operand === 's') confidence = complete && !phrases(view, tail) ? 0.9 : 0.3;
    else return undefined;
    return { confidence, first: 0, last: view.tokens.length - 1 };
  },
};

/** `'||true`, `' && 1`: logic as symbols, which no sentence writes after a quote. */
function symbolic(view: SqlView, at: number): boolean {
  const text = view.tokens[at]!.text;
  return text === '&&' || text === '||';
}

// `1=1`, `a = a`: the quoted text of `' or '1=1` compares a word with itself.
const SELF_COMPARISON = /^[ \t]?(\w{1,16}) ?= ?(\w{1,16})(?!\w)/;

/**
 * The literal the application's quote closes reads as a comparison of a word with itself (`' or '1=1--`,
 * `' or 'a=a`): the SQL written inside quotes the attacker expects to be gone, and which MySQL still
 * reads as true (`'1=1'` is the number 1). No phrase search quotes `1=1`.
 */
function comparesItself(token: SqlToken | undefined): boolean {
  if (token?.kind !== 'string' || token.closed) return false;
  const match = SELF_COMPARISON.exec(token.text);
  return match !== null && match[1]!.toLowerCase() === match[2]!.toLowerCase();
}

/**
 * `"foo" OR "bar`, `'one" and "two`, `'or'1`: quoted strings joined by a logic word alone, as searches join
 * phrases. Anything else between the quotes is SQL: arithmetic first (`' -1 or '1`), a unary operator
 * (`"OR!"a`), `&&`, `||`, XOR (`a' && 'b`), or a word glued into the literals (`a'or'a`).
 */
function phrases(view: SqlView, tail: SqlTail): boolean {
  const { shape, tokens } = view;
  const at = tail.start;
  if (shape[at] !== '&' || isRole(shape[at + 1], '!o') || quoteJoin(view, at) === 'glued') return false;
  if (comparesItself(tokens[tokens.length - 1])) return false;
  for (let k = at; k < shape.length; k++) {
    const text = tokens[k]!.text;
    if (shape[k] === '&' && (text === '&&' || text === '||' || text === 'xor') && !isQuotedWord(view, k))
      return false;
  }
  return true;
}
