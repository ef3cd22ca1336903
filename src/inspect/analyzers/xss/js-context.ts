import { isDigit, isIdentChar, isQuote } from './char-class.js';
import { GLUE_KEYWORDS } from './js-sinks.js';

/**
 * Where a piece of JavaScript sits in a value: right after a quote and an operator (`';alert(1)`, a way out
 * of a string), at the start of the value (`alert(1)`, `;alert(1)//`), after one leading token and an
 * operator (`1;alert(1)`, a way out of a number), or inside other text.
 */
export type JsContext = 'breakout' | 'statement' | 'value' | 'text';

// Punctuation that joins a broken-out string to the injected code; `)`, `]`, `}` close what the page opened.
const GLUE = new Set([...';,+-*/%|&^!~?:=<>(){}[]\\ '].map((c) => c.charCodeAt(0)));
/** Two words side by side in compacted code: a sentence or a Markdown link, not an expression. */
export const SIDE_BY_SIDE_WORDS = /[A-Za-z0-9_$]\s+[A-Za-z_$]/;
const NOT_OPERATORS = new Set([...' ()[]{\\'].map((c) => c.charCodeAt(0)));

/**
 * The context of the code starting at `start` in compacted JavaScript.
 * @example jsContext("';alert(1)//", 2) // 'breakout'
 */
export function jsContext(js: string, start: number): JsContext {
  let k = start - 1;
  let operator = false;
  let statementEnd = false;
  while (k >= 0) {
    const c = js.charCodeAt(k);
    if (GLUE.has(c)) {
      if (!NOT_OPERATORS.has(c)) operator = true;
      if (c === 59) statementEnd = true; // ;
      k--;
      continue;
    }
    if (isQuote(c)) return operator ? 'breakout' : 'text';
    if (!isIdentChar(c)) return 'text';
    let wordStart = k;
    while (wordStart > 0 && isIdentChar(js.charCodeAt(wordStart - 1))) wordStart--;
    const word = js.slice(wordStart, k + 1);
    if (GLUE_KEYWORDS.has(word)) {
      k = wordStart - 1;
      continue;
    }
    // `</script>` ends the page's script block: whatever follows runs as a new one.
    if (word.toLowerCase() === 'script' && js.startsWith('</', wordStart - 2)) return 'breakout';
    // One leading token: a number any operator breaks out of (`1-alert(1)`), a word only a `;` does
    // (`x;alert(1)`; `e-alert(s)` is a hyphenated word).
    const numeric = isDigit(js.charCodeAt(wordStart));
    return wordStart === 0 && (statementEnd || (numeric && operator)) ? 'value' : 'text';
  }
  return 'statement';
}

/**
 * True when nothing but punctuation, quotes, a `//` comment or a member chain follows the code ending at
 * `end`: the code is a statement of its own, not a word in a sentence (`alert(1) is a function`).
 * @example isCleanEnd("alert(1)//'", 8) // true
 */
export function isCleanEnd(js: string, end: number): boolean {
  for (let k = end; k < js.length; k++) {
    const c = js.charCodeAt(k);
    if (c === 47 && js.charCodeAt(k + 1) === 47) return true;
    if (c === 46 && isIdentChar(js.charCodeAt(k + 1))) return true;
    if (!GLUE.has(c) && !isQuote(c)) return false;
  }
  return true;
}
