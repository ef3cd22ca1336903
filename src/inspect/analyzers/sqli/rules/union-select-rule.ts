import { isRole } from '../is-role.js';
import { hasFrom, selectListStrength } from '../select-list.js';
import type { SqlRule } from '../sql-rule.js';
import type { SqlTail } from '../sql-tail.js';
import type { SqlView } from '../sql-view.js';

/**
 * `union [all] select 1,2,3`, `union(select ...)`: appending rows of the attacker's choosing. A select list of
 * literals, calls or columns-from makes it unmistakable; after a literal the value closes (`-1 union`,
 * `' union`) it is a complete injection. Prose may join "union" and "select" (`Union Select Hotels`), but
 * never ends on them (or on punctuation after them), never writes `union all select` or `union(select`, and
 * never hides a comment between them.
 */
export const unionSelectRule: SqlRule = {
  name: 'union-select',
  check(view, tail) {
    const { shape, tokens } = view;
    const complete =
      (tail?.valid === true && tail.continued && tail.breakKind !== 'word') || shape.indexOf('U') === 0;
    let best: { confidence: number; first: number; last: number } | undefined;
    for (let u = shape.indexOf('U'); u >= 0; u = shape.indexOf('U', u + 1)) {
      let k = u + 1;
      const word = tokens[k]?.text;
      const all = word === 'all' || word === 'distinct';
      if (all) k++;
      const open = k;
      while (shape[k] === '(') k++;
      let confidence = 0;
      if (shape[k] === 'E') {
        const strength = selectListStrength(view, k);
        if (strength === 'strong') confidence = complete ? 1 : 0.95;
        // Ending on `union select` is no prose when nothing before it is (`-1 union select`, `'union select`).
        else if ((strength === 'none' && complete) || all || k > open || hidden(view, u, k)) confidence = 0.9;
        // `-1 union select top 1 name char(126) pass from t--`: what follows may not parse, but the value
        // opens with the literal it ends and goes on with a query that reads a table or cuts the rest off.
        else if (ledByLiteral(view, u) && (view.trailingComment !== undefined || hasFrom(view, k)))
          confidence = 0.9;
        else if (strength !== 'none' && !isRole(shape[k + 1], 'nks')) confidence = 0.9;
        else confidence = 0.6;
      } else if (tokens[u]!.text === 'union' && complete) {
        confidence = cutShort(view, tail, k, all);
      }
      if (confidence > 0 && (best === undefined || confidence > best.confidence)) {
        best = { confidence, first: u, last: Math.min(tokens.length - 1, k + 4) };
      }
    }
    return best;
  },
};

/**
 * `-1 union`, `1/**\/union#`, `' union all`: the value stops after UNION (the select comes in another
 * parameter, or the probe only tests whether UNION is filtered). `12 Union` is an address, so the number must
 * be negative, the value commented, or the literal a quote break. `-1 union 1,2,3` forgets the SELECT.
 */
function cutShort(view: SqlView, tail: SqlTail | undefined, k: number, all: boolean): number {
  const { shape, tokens } = view;
  if (shape[k] === '1' && shape[k + 1] === ',') return 0.9;
  if (k < shape.length) return 0;
  const negative = tokens[0]!.text === '-' && shape[1] === '1';
  const commented = view.innerComments > 0 || view.trailingComment !== undefined;
  return all || negative || commented || tail?.breakKind === 'quote' ? 0.9 : 0.6;
}

/** Whether anything but white space (a comment, dropped from the tokens) separates tokens `from`..`to`. */
function hidden(view: SqlView, from: number, to: number): boolean {
  const { tokens, input } = view;
  for (let i = from; i < to && i + 1 < tokens.length; i++) {
    for (let c = tokens[i]!.end; c < tokens[i + 1]!.start; c++) {
      const code = input.charCodeAt(c);
      if (code > 32 && code !== 0xa0) return true;
    }
  }
  return false;
}

/** Whether only the literal the value closes comes before the UNION at `u`: `-1 union`, `' union`, `5 union`. */
function ledByLiteral(view: SqlView, u: number): boolean {
  const { shape, tokens } = view;
  if (u === 1) return shape[0] === '1' || (shape[0] === 's' && view.quote !== '');
  return u === 2 && tokens[0]!.text === '-' && shape[1] === '1';
}
