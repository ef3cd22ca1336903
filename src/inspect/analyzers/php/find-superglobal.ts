import type { Hit } from './hit.js';

// PHP's request superglobals, read with a subscript (`$_GET['c']`) or named on their own.
const SUPERGLOBAL =
  /\$(?:_GET|_POST|_REQUEST|_COOKIE|_SERVER|_FILES|_ENV|_SESSION|GLOBALS|HTTP_RAW_POST_DATA)\b(\s*\[)?/;
// What code puts before an expression; a question about `$_POST['x']` has words there.
const CODE_BEFORE = /[(;=.,{['"]\s*$/;

/**
 * A PHP superglobal: subscripted (`$_SERVER['x']`) it reads request input in injected code, and blocks
 * where nothing but code comes before it; named alone it is a weaker sign, unless it is all the value
 * (or parameter name) holds.
 */
export function findSuperglobal(text: string): Hit | undefined {
  const m = SUPERGLOBAL.exec(text);
  if (m === null) return undefined;
  const before = text.slice(Math.max(0, m.index - 16), m.index);
  const code = before.trim() === '' || CODE_BEFORE.test(before);
  const confidence =
    m[1] === undefined ? (text.trim() === m[0] ? 0.9 : 0.6) : code && m.index < 64 ? 0.9 : 0.8;
  return { rule: 'superglobal', confidence, evidence: text.slice(m.index, m.index + 64) };
}
