import { hasBadEnding } from '../bad-ending.js';
import { closedByApplication } from '../closed-by-application.js';
import type { SqlRule } from '../sql-rule.js';
import type { SqlView } from '../sql-view.js';
import { isQuotedWord } from './quoted-word.js';

// Operators of SQL that prose does not put between quoted words: bit operations, DIV and MOD.
const SQL_OPERATORS = new Set(['div', 'mod', '^', '|', '<<', '>>']);

/**
 * `1' = '1`, `x' like 'x`, `'+char(39)+'`, `' - '`: a quoted literal closed by the value and continued by a
 * comparison or an arithmetic/concatenation operator, as valid SQL. Calls and subqueries make it strong, and
 * so does a comparison of literals, or an operator only SQL has (`x' div 'y`, `x' ^ 'y`), when the
 * application's own quote completes the value. Arithmetic between identifiers (`20" -pattern -baby`) and
 * the dashes and pluses of prose (`" - "MAGAZINE"`, `"A" + "B"`) do not count.
 */
export const quoteExpressionRule: SqlRule = {
  name: 'quote-expression',
  check(view, tail) {
    if (tail?.breakKind !== 'quote' || (tail.joiner !== '=' && tail.joiner !== 'o')) return undefined;
    if (tail.facts.logic > 0) return undefined; // the tautology rule's
    if (!tail.valid || hasBadEnding(view, tail.quote)) return undefined;
    const { facts } = tail;
    // A lone `&` is bitwise AND in SQL, but mostly a URL's parameter separator: `"&page=1`.
    const bitwise = view.tokens[tail.start]!.text === '&';
    // The application's closing quote (or the comment) completes it: `x' = 'x` is the whole of the probe.
    const complete = closedByApplication(view, tail.quote) && !isQuotedWord(view, tail.start);
    let confidence = 0;
    // `'+(select x where 9173=9173 and …`: a subquery deciding on literals is a probe, however it ends.
    if (facts.subqueries > 0 && facts.literalComparisons > 0) confidence = 0.9;
    else if (facts.sqlCalls > 0 || facts.subqueries > 0) confidence = complete ? 0.9 : 0.8;
    else if (facts.literalComparisons > 0) confidence = complete ? 0.9 : 0.45;
    else if (complete && facts.lastLiteral && sqlOperator(view, tail.start)) confidence = 0.9;
    // `x' / current_date regexp '0`, `1'*col is not null - '`: arithmetic on the literal, then compared.
    else if (complete && facts.arithmetic > 0 && facts.comparisons > 0) confidence = 0.9;
    // `1'*id-'0`: the literal multiplied by a column, then back to a literal the application closes; prose
    // puts no `*` right after a closing quote and a `-` before an opening one.
    else if (complete && facts.arithmetic >= 2 && multipliesQuote(view, tail.start)) confidence = 0.9;
    else if (facts.comparisons > 0 && !bitwise) confidence = 0.3;
    else if (facts.comparisons === 0 && facts.lastLiteral && closedByApplication(view, tail.quote))
      confidence = 0.3;
    if (confidence === 0) return undefined;
    return { confidence, first: 0, last: view.tokens.length - 1 };
  },
};

/** Whether an operator only SQL writes joins the terms from `start` (`' div '`, `'^'`, `'|'`). */
function sqlOperator(view: SqlView, start: number): boolean {
  const { shape, tokens } = view;
  for (let k = start; k < shape.length; k++) {
    if (shape[k] === 'o' && SQL_OPERATORS.has(tokens[k]!.text)) return true;
  }
  return false;
}

/** `'*id-'`: `*` right after the closing quote, and the value ending in the literal the application closes. */
function multipliesQuote(view: SqlView, start: number): boolean {
  const { tokens } = view;
  return tokens[start]!.text === '*' && tokens[tokens.length - 1]!.kind === 'string';
}
