import { selectListStrength } from '../select-list.js';
import type { SqlRule } from '../sql-rule.js';

/**
 * `union [all] select 1,2,3`, `union(select ...)`: appending rows of the attacker's choosing. A select list of
 * literals, calls or columns-from makes it unmistakable; after a literal the value closes (`-1 union`,
 * `' union`) it is a complete injection.
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
      if (word === 'all' || word === 'distinct') k++;
      while (shape[k] === '(') k++;
      if (shape[k] !== 'E') {
        // `-1 union` at the end of a value: the select was cut off, or is coming in another parameter.
        if (complete && k >= shape.length && tokens[u]!.text === 'union')
          best ??= { confidence: 0.6, first: u, last: u };
        continue;
      }
      const strength = selectListStrength(view, k);
      const confidence = strength === 'strong' ? (complete ? 1 : 0.95) : 0.6;
      if (best === undefined || confidence > best.confidence) {
        best = { confidence, first: u, last: Math.min(tokens.length - 1, k + 4) };
      }
    }
    return best;
  },
};
