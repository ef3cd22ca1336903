import { newExpressionFacts } from '../expression-facts.js';
import { isRole } from '../is-role.js';
import { parseExpression, skipGroup } from '../parse-sql-expression.js';
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
    // `IF(7423=7423) SELECT 7423 ELSE DROP FUNCTION x--`: the value itself is T-SQL's IF choosing statements.
    if (view.tokens[0]?.text === 'if' && shape[1] === '(') consider(0, statementAt(view, 0));
    for (let s = shape.indexOf(';'); s >= 0; s = shape.indexOf(';', s + 1)) {
      // `; IF((1=2),SELECT 1,DROP FUNCTION x)`: MySQL's IF() choosing between statements.
      if (view.tokens[s + 1]?.text === 'if' && shape[s + 2] === '(') {
        if (choosesStatement(view, s + 2)) consider(s + 1, 0.9);
        // `;if(1=1) select 1 else drop function x--`: T-SQL's IF with its condition in parentheses.
        else consider(s + 1, statementAt(view, s + 1));
      }
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
    // `';select @@version#`: the literal closed, a statement stacked at once, the rest of the query cut off.
    if (
      best !== undefined &&
      best.confidence < 0.9 &&
      tail?.breakKind === 'quote' &&
      shape[tail.start] === ';' &&
      best.first <= tail.start + 1 &&
      view.trailingComment !== undefined
    ) {
      best = { ...best, confidence: 0.9 };
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
    // `10;drop members --`, `1;call p(@a)`, `1;do (1=1)`: a numeric value, then a statement stacked at once.
    if (
      best === undefined &&
      view.quote === '' &&
      shape[0] === '1' &&
      shape[1] === ';' &&
      stacksOnNumber(view)
    ) {
      best = { confidence: 0.9, first: 0, last: Math.min(shape.length - 1, 4) };
    }
    return best;
  },
};

function endsAt(view: SqlView, end: number): boolean {
  return end >= view.shape.length || (end === view.shape.length - 1 && view.shape[end] === ';');
}

/** Whether the group opening at `i` holds a comma and then a SELECT or another statement as an argument. */
function choosesStatement(view: SqlView, i: number): boolean {
  const { shape } = view;
  let depth = 0;
  for (let k = i; k < shape.length; k++) {
    if (shape[k] === '(') depth++;
    else if (shape[k] === ')' && --depth === 0) return false;
    else if (depth === 1 && shape[k] === ',' && isRole(shape[k + 1], 'ET') && statementAt(view, k + 1) > 0)
      return true;
  }
  return false;
}

// Statements short enough that a numeric value and `;` right before them are their whole context.
const SHORT_STATEMENT = 4;

/** After `<number>;`: a short stacked statement ended by a comment, a procedure call, or MySQL's `DO (...)`. */
function stacksOnNumber(view: SqlView): boolean {
  const { shape, tokens } = view;
  const word = tokens[2]?.text;
  // The call or the expression is the whole rest of the value: `1; do (something) later` is a list item.
  if (word === 'call') return shape[3] === 'f' && endsAt(view, skipGroup(view, 4, newExpressionFacts()));
  if (word === 'do') {
    // `do sleep(5)`, `do (1=1)`: an expression evaluated for its effect; `do something` is English.
    const facts = newExpressionFacts();
    return endsAt(view, parseExpression(view, 3, facts)) && (facts.comparisons > 0 || facts.calls > 0);
  }
  if (!startsStatement(view, 2)) return false;
  return view.trailingComment !== undefined && shape.length <= 2 + SHORT_STATEMENT;
}

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
    if (end <= i + 1) return 0;
    // `if(1=1) select 1 else drop function x`: the branch ELSE runs counts as much as the first.
    let otherwise = 0;
    for (let k = end; k < view.tokens.length && view.shape[k] !== ';'; k++) {
      if (view.tokens[k]!.text === 'else' && view.shape[k + 1] === 'T')
        otherwise = statementStrength(view, k + 1);
    }
    return Math.max(statementStrength(view, end), otherwise);
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
