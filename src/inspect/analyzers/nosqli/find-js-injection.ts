/** Where a `$where`-style JavaScript injection starts, and how it is built. */
export interface JsInjection {
  readonly at: number;
  readonly form: 'statement' | 'comparison';
}

/**
 * A quote (or a number) closed, then `;` and a JavaScript statement that reads as code, not prose:
 * `'; return true; var x='`, `1; sleep(5000)`, `'; while(true){}`.
 */
const STATEMENT_BREAK =
  /(?:['"]|^\s*\d+)\s*;\s*(?:return\s*(?:true|false|this|db|\d|[!'"(])|(?:var|let|const)\s+\w+\s*=|(?:while|for|if|function|sleep|emit|tojson|printjson)\s*\(|(?:this|db)\.)/;
/** A quote closed, then `||`/`&&` and a JavaScript `==`/`!=`/`this.`: `' || '1'=='1`, `' && this.x//`. */
const COMPARISON_BREAK = /['"]\s*(?:\|\||&&)[^=;]{0,40}?(?:[=!]==?|\bthis\.)/;

/**
 * Finds JavaScript injected into a server-side `$where` / `mapReduce` string: a closed quote followed
 * by a statement, or by a logical operator and a JavaScript comparison (SQL compares with a single `=`).
 */
export function findJsInjection(s: string): JsInjection | undefined {
  const statement = STATEMENT_BREAK.exec(s);
  if (statement !== null) return { at: statement.index, form: 'statement' };
  const comparison = COMPARISON_BREAK.exec(s);
  return comparison === null ? undefined : { at: comparison.index, form: 'comparison' };
}
