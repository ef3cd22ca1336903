import { newExpressionFacts } from '../expression-facts.js';
import { parseExpression } from '../parse-sql-expression.js';
import type { SqlHit, SqlRule } from '../sql-rule.js';
import type { SqlView } from '../sql-view.js';
import { statementStrength } from './statement-strength.js';

/**
 * `; drop table users`, `'; exec xp_cmdshell '...'`, `' shutdown--` (MSSQL needs no `;`), `; if 1=1 waitfor
 * ...`: a second statement after the one the application runs. Only statements that parse as SQL count,
 * unless the value itself begins the second statement, right after its quote or its first character
 * (`';drop`, `;update users`): no sentence starts that way.
 */
export const stackedQueryRule: SqlRule = {
  name: 'stacked-query',
  check(view, tail) {
    const { shape } = view;
    let best: SqlHit | undefined;
    const consider = (at: number, confidence: number): void => {
      if (confidence > 0 && (best === undefined || confidence > best.confidence)) {
        best = { confidence, first: Math.max(0, at - 1), last: Math.min(shape.length - 1, at + 3) };
      }
    };
    for (let s = shape.indexOf(';'); s >= 0; s = shape.indexOf(';', s + 1)) {
      if (shape[s + 1] !== 'T' && shape[s + 1] !== 'E') continue;
      // After prose (`call me; drop table`...) it is less certain than after a literal or at the start.
      const before = shape[s - 1];
      const discount = before === 'n' || before === 'k' ? 0.2 : 0;
      consider(s + 1, statementAt(view, s + 1) - discount);
    }
    // MSSQL runs a statement right after the literal, without `;`.
    const direct = tail !== undefined && tail.breakKind !== 'word' && tail.breakKind !== 'operator';
    // (A SELECT right after a quote is as often prose quoting code, and needs the `;`.)
    if (direct && shape[tail.start] === 'T') consider(tail.start, statementAt(view, tail.start));
    // After a literal the value closes, the second statement is a complete injection.
    if (best !== undefined && tail?.valid && tail.continued && tail.breakKind !== 'word') {
      best = { ...best, confidence: Math.min(1, best.confidence + 0.1) };
    }
    // `admin@example.com';`: a login or an address, then the quote and the end of the statement.
    if (best === undefined && tail?.breakKind === 'quote' && endsStatement(view)) {
      best = { confidence: 0.9, first: 0, last: shape.length - 1 };
    }
    // `';drop`, `;update users`, `; SET @x`: a second statement begun right after the break, cut short.
    const at = tail?.breakKind === 'quote' ? tail.start : 0;
    if (
      best === undefined &&
      shape[at] === ';' &&
      (at > 0 || view.quote === '') &&
      startsStatement(view, at + 1)
    ) {
      best = { confidence: 0.9, first: at, last: Math.min(shape.length - 1, at + 3) };
    }
    return best;
  },
};

// Statements an injection stacks; `set` only on a variable (`; set @a`), since `; set up` is English.
const STACKED = new Set([
  'select',
  'insert',
  'update',
  'delete',
  'drop',
  'create',
  'alter',
  'truncate',
  'exec',
]);
const STACKED_MORE = new Set(['execute', 'declare', 'shutdown', 'waitfor']);

/** Whether a statement an injection stacks starts at `i`, complete or not. */
function startsStatement(view: SqlView, i: number): boolean {
  const { shape, tokens } = view;
  if (shape[i] !== 'T' && shape[i] !== 'E') return false;
  const word = tokens[i]!.text;
  if (word === 'set') return shape[i + 1] === 'v';
  return STACKED.has(word) || STACKED_MORE.has(word);
}

/** Strength of the statement at `i`, looking through `IF <condition>` / `WHILE <condition>`. */
function statementAt(view: SqlView, i: number): number {
  const word = view.tokens[i]?.text;
  if (word === 'if' || word === 'while') {
    const end = parseExpression(view, i + 1, newExpressionFacts());
    return end > i + 1 ? statementStrength(view, end) : 0;
  }
  return statementStrength(view, i);
}

/** A quoted context's value that is one word (no white space) closed by its quote and a lone `;`. */
function endsStatement(view: SqlView): boolean {
  const { shape, tokens } = view;
  if (shape !== 's;' || view.trailingComment !== undefined) return false;
  const literal = tokens[0]!.text;
  return literal !== '' && !/\s/.test(literal);
}
