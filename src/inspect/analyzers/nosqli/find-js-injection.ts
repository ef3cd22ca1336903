/** Where a `$where`-style JavaScript injection starts, and how it is built. */
export interface JsInjection {
  readonly at: number;
  /** Every form but a bare `comparison` (which loose SQL can look like) reads as code on its own. */
  readonly form: 'statement' | 'member' | 'tautology' | 'breakout' | 'comparison';
}

/**
 * A quote (or a number, or the value's start) closed, then `;` and a JavaScript statement that reads as code,
 * not prose: `'; return true; var x='`, `1; sleep(5000)`, `'; while(true){}`, `;var d = new Date(); do{…`.
 */
const STATEMENT_BREAK =
  /(?:['"]\s*|^\s*(?:\d+\s*)?);\s*(?:return\s*(?:true|false|this|db|\d|[!'"(])|(?:var|let|const)\s+\w+\s*=|(?:while|for|if|function|sleep|emit|tojson|printjson)\s*\(|(?:this|db)\.)/;
/** A quote closed, then `||`/`&&` and a JavaScript `==`/`!=`/`this.`: `' || '1'=='1`, `' && this.x//`. */
const COMPARISON_BREAK = /['"]\s*(?:\|\||&&)[^=;]{0,40}?(?:[=!]==?|\bthis\.)/;
/** `|| 1==1`, `&& "a"==="a"`: a logical operator and a comparison of two literals with JavaScript's `==`. */
const LITERAL_COMPARISON =
  /(?:\|\||&&)\s*(?:\d+|true|'[^'\n]{0,16}'|"[^"\n]{0,16}")\s*[=!]==?\s*(?:\d+|true|'[^'\n]{0,16}'|"[^"\n]{0,16}")/;
/** A mongo shell call on a collection: `db.users.insert({…})`, `db.accounts.find()`. */
const SHELL_CALL =
  /\bdb\s*\.\s*\w+\s*\.\s*(?:insert\w*|find\w*|update\w*|remove|delete\w*|drop|mapReduce|aggregate|save|count\w*|distinct)\s*\(/;
/** A value that closes the object it was placed in and opens another key: `' } ], $or: [`, `}, { pw: 1 }`. */
const OBJECT_BREAKOUT = /^\s*(?:['"]\s*)?\}\s*(?:\]\s*)?,\s*(?:\{|\[|\$\w+\s*:|['"]?\w+['"]?\s*:)/;

/**
 * Finds JavaScript injected into a server-side `$where` / `mapReduce` string or a filter built from
 * text: a closed quote followed by a statement, or by a logical operator and a JavaScript comparison
 * (SQL compares with a single `=`) or a read through `this.`; literals compared with `==`; mongo shell
 * calls; and values that close the enclosing object to add keys of their own.
 */
export function findJsInjection(s: string): JsInjection | undefined {
  const statement = STATEMENT_BREAK.exec(s) ?? SHELL_CALL.exec(s);
  if (statement !== null) return { at: statement.index, form: 'statement' };
  const breakout = OBJECT_BREAKOUT.exec(s);
  if (breakout !== null) return { at: breakout.index, form: 'breakout' };
  const comparison = COMPARISON_BREAK.exec(s);
  if (comparison !== null)
    return { at: comparison.index, form: comparison[0].endsWith('this.') ? 'member' : 'comparison' };
  const literal = LITERAL_COMPARISON.exec(s);
  return literal === null ? undefined : { at: literal.index, form: 'tautology' };
}
