import type { PhpToken } from './tokenize-php.js';

/** Static string values of the constants and variables a snippet defines, lower-cased names as keys. */
export interface PhpBindings {
  readonly constants: ReadonlyMap<string, string>;
  readonly variables: ReadonlyMap<string, string>;
}

/** The index of the bracket closing the one at `open` (`(`, `[` or `{`), or -1. */
export function matching(tokens: readonly PhpToken[], open: number): number {
  const o = tokens[open]!.text;
  const c = o === '(' ? ')' : o === '[' ? ']' : '}';
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'punct') continue;
    if (t.text === o) depth++;
    else if (t.text === c && --depth === 0) return i;
  }
  return -1;
}

/** The index of the bracket opening the one at `close`, or -1. */
export function opening(tokens: readonly PhpToken[], close: number): number {
  const c = tokens[close]!.text;
  const o = c === ')' ? '(' : c === ']' ? '[' : '{';
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.type !== 'punct') continue;
    if (t.text === c) depth++;
    else if (t.text === o && --depth === 0) return i;
  }
  return -1;
}

/**
 * The string an expression evaluates to when it only concatenates literals, bare words, and known
 * constants and variables: `'sys' . 'tem'`, `(sy.(st).em)`, `[['sys'.'tem']]` all give `system`.
 */
export function staticString(
  tokens: readonly PhpToken[],
  from: number,
  to: number,
  bindings?: PhpBindings,
): string {
  let value = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    // `[0]` after an array literal indexes it; it is not part of the name.
    if (t.type === 'string' || (t.type === 'number' && tokens[i - 1]?.text !== '[')) value += t.text;
    else if (t.type === 'ident' && t.text.toLowerCase() !== 'string')
      value += bindings?.constants.get(t.text.toLowerCase()) ?? t.text;
    else if (t.type === 'var') value += bindings?.variables.get(t.text.toLowerCase()) ?? '';
  }
  return value;
}

/** Collects `define('x', expr)` and `$y = expr;` so a later `(x)(...)` or `$y(...)` can be resolved. */
export function collectBindings(tokens: readonly PhpToken[]): PhpBindings {
  const constants = new Map<string, string>();
  const variables = new Map<string, string>();
  const bindings = { constants, variables };
  for (let i = 0; i + 2 < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'ident' && t.text.toLowerCase() === 'define' && tokens[i + 1]!.text === '(') {
      const close = matching(tokens, i + 1);
      const name = tokens[i + 2]!;
      if (close < 0 || name.type !== 'string' || tokens[i + 3]?.text !== ',') continue;
      constants.set(name.text.toLowerCase(), staticString(tokens, i + 4, close, bindings));
    } else if (t.type === 'var' && tokens[i + 1]!.text === '=' && tokens[i + 2]!.text !== '=') {
      let end = i + 2;
      while (end < tokens.length && tokens[end]!.text !== ';') end++;
      variables.set(t.text.toLowerCase(), staticString(tokens, i + 2, end, bindings));
    }
  }
  return bindings;
}
