import type { Hit } from './hit.js';

// PHP's request superglobals, read with a subscript (`$_GET['c']`) or named on their own.
const SUPERGLOBAL =
  /\$(?:_GET|_POST|_REQUEST|_COOKIE|_SERVER|_FILES|_ENV|_SESSION|GLOBALS|HTTP_RAW_POST_DATA)\b(\s*\[)?/;

/** A PHP superglobal: subscripted it reads request input in injected code, bare it is a weaker sign. */
export function findSuperglobal(text: string): Hit | undefined {
  const m = SUPERGLOBAL.exec(text);
  if (m === null) return undefined;
  return {
    rule: 'superglobal',
    confidence: m[1] === undefined ? 0.6 : 0.8,
    evidence: text.slice(m.index, m.index + 64),
  };
}
