import { opening, type PhpBindings, staticString } from './php-bindings.js';
import type { PhpToken } from './tokenize-php.js';

/**
 * What is being called by the `(` at a token index: a plain function `name`, a `computed` name (string
 * literal, concatenation, parenthesized or array-indexed expression: `"sys"."tem"(`, `[system][0](`), or a
 * `variable` function (`$f(`, `$$f(`, `$a['x'](`, `${'f'}(`).
 */
export interface Callee {
  readonly form: 'name' | 'computed' | 'variable';
  /** Lower-cased function name; '' for a variable whose value is unknown. */
  readonly name: string;
  /** Token index where the callee expression starts. */
  readonly start: number;
  /** Subscripts, `$$`, `${}`, `->$`, `::$`, `@`: more than a plain `$f(`. */
  readonly complex: boolean;
}

// Language constructs written like calls: not function calls.
const CONSTRUCTS: ReadonlySet<string> = new Set(
  'if elseif while for foreach switch catch function fn array list isset unset empty echo print return match declare new exit die and or xor not use clone instanceof yield'.split(
    ' ',
  ),
);

function isPunct(t: PhpToken | undefined, text: string): boolean {
  return t !== undefined && t.type === 'punct' && t.text === text;
}

// `sy.(st).em`: walk back over a concatenation of literals and words ending at `end`.
function concatenationStart(tokens: readonly PhpToken[], end: number): number {
  let start = end;
  while (start >= 2 && isPunct(tokens[start - 1], '.')) {
    const before = tokens[start - 2]!;
    if (before.type === 'string' || before.type === 'ident') start -= 2;
    else if (isPunct(before, ')')) {
      const open = opening(tokens, start - 2);
      if (open < 0) break;
      start = open;
    } else break;
  }
  return start;
}

function variableCallee(
  tokens: readonly PhpToken[],
  at: number,
  complex: boolean,
  bindings: PhpBindings,
): Callee {
  const t = tokens[at]!;
  const before = tokens[at - 1];
  const indirect =
    isPunct(before, '$') || isPunct(before, '->') || isPunct(before, '::') || isPunct(before, '@');
  const name = complex || indirect ? '' : (bindings.variables.get(t.text.toLowerCase()) ?? '');
  return {
    form: 'variable',
    name: name.trim().toLowerCase(),
    start: indirect ? at - 1 : at,
    complex: complex || indirect,
  };
}

/** The callee of the `(` at `paren`, or undefined when the parenthesis does not call anything. */
export function resolveCallee(
  tokens: readonly PhpToken[],
  paren: number,
  bindings: PhpBindings,
): Callee | undefined {
  const prev = tokens[paren - 1];
  if (prev === undefined) return undefined;
  if (prev.type === 'ident') {
    const name = prev.text.toLowerCase();
    const before = tokens[paren - 2];
    if (CONSTRUCTS.has(name) || isPunct(before, '->') || isPunct(before, '::')) return undefined;
    if (before?.type === 'ident' && CONSTRUCTS.has(before.text.toLowerCase())) return undefined;
    if (isPunct(before, '.')) {
      const start = concatenationStart(tokens, paren - 1);
      return {
        form: 'computed',
        name: staticString(tokens, start, paren, bindings).toLowerCase(),
        start,
        complex: true,
      };
    }
    return { form: 'name', name, start: paren - 1, complex: false };
  }
  if (prev.type === 'string') {
    const start = concatenationStart(tokens, paren - 1);
    return {
      form: 'computed',
      name: staticString(tokens, start, paren, bindings).trim().toLowerCase(),
      start,
      complex: true,
    };
  }
  if (prev.type === 'var') return variableCallee(tokens, paren - 1, false, bindings);
  if (!isPunct(prev, ')') && !isPunct(prev, ']') && !isPunct(prev, '}')) return undefined;
  // Walk back over subscripts `[..]`, `{..}` and one group `(..)` to the base expression.
  let base = paren - 1;
  let subscripts = 0;
  while (base >= 0 && (isPunct(tokens[base], ']') || isPunct(tokens[base], '}'))) {
    const open = opening(tokens, base);
    // `$a[]` appends and `${}` names nothing: neither can be called.
    if (open < 0 || open === base - 1) return undefined;
    if (isPunct(tokens[open - 1], '$')) return variableCallee(tokens, open - 1, true, bindings);
    const before = tokens[open - 1];
    const index =
      base - open === 2 && (tokens[open + 1]!.type === 'number' || tokens[open + 1]!.type === 'string');
    if (isPunct(tokens[base], '}') && !index && (before === undefined || isPunct(before, ')'))) {
      // `(string) {[system][0]} (...)`: a braced expression.
      return {
        form: 'computed',
        name: staticString(tokens, open + 1, base, bindings)
          .trim()
          .toLowerCase(),
        start: open,
        complex: true,
      };
    }
    if (
      before === undefined ||
      (before.type === 'punct' && before.text !== ']' && before.text !== '}' && before.text !== ')')
    ) {
      // An array literal being indexed: `[system][0](`. Unindexed, `[link](url)` is markdown.
      if (subscripts === 0) return undefined;
      return {
        form: 'computed',
        name: staticString(tokens, open + 1, base, bindings)
          .trim()
          .toLowerCase(),
        start: open,
        complex: true,
      };
    }
    subscripts++;
    base = open - 1;
  }
  const t = tokens[base];
  if (t?.type === 'var') return variableCallee(tokens, base, subscripts > 0, bindings);
  if (!isPunct(t, ')')) return undefined;
  const open = opening(tokens, base);
  if (open < 0) return undefined;
  const before = tokens[open - 1];
  // `f(1)(2)` calls what f returned: the group is an argument list, not an expression.
  if (before !== undefined && (before.type === 'ident' || before.type === 'var' || isPunct(before, ']')))
    return undefined;
  return {
    form: 'computed',
    name: staticString(tokens, open + 1, base, bindings)
      .trim()
      .toLowerCase(),
    start: open,
    complex: true,
  };
}
