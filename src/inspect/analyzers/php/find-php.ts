import { findIniDirective } from './find-ini-directive.js';
import { findPhpCall } from './find-php-call.js';
import { findPhpTag } from './find-php-tag.js';
import { findStreamWrapper } from './find-stream-wrapper.js';
import { findSuperglobal } from './find-superglobal.js';
import { findVariableVariable } from './find-variable-variable.js';
import { type Hit, stronger } from './hit.js';
import { PhpTrigger } from './may-hold-php.js';
import { tokenizePhp } from './tokenize-php.js';

const QUOTES = ["'", '"'];

// Calls read as if the value opened in code, and as if it landed inside a quoted string that its first
// quote closes (`';system('id');//`): read from the start, that quote would pair with the next one.
function findCall(text: string): Hit | undefined {
  let best = findPhpCall(text, tokenizePhp(text));
  const paren = text.indexOf('(');
  for (const quote of QUOTES) {
    const at = text.indexOf(quote);
    if (at < 0 || (paren >= 0 && at > paren) || (best !== undefined && best.confidence >= 1)) continue;
    const rest = text.slice(at + 1);
    best = stronger(best, findPhpCall(rest, tokenizePhp(rest)));
  }
  return best;
}

/**
 * Runs the PHP detectors that `triggers` (from `mayHoldPhp`) woke up and returns the strongest hit;
 * `inUrl` says the value came from the URL or is a parameter name.
 */
export function findPhp(text: string, triggers: number, inUrl: boolean): Hit | undefined {
  let best: Hit | undefined;
  if (triggers & PhpTrigger.TAG) best = findPhpTag(text);
  if (triggers & (PhpTrigger.CALL | PhpTrigger.DOLLAR) && (best === undefined || best.confidence < 1))
    best = stronger(best, findCall(text));
  if (triggers & PhpTrigger.DOLLAR) {
    best = stronger(best, findSuperglobal(text));
    best = stronger(best, findVariableVariable(text));
  }
  if (triggers & PhpTrigger.WRAPPER) best = stronger(best, findStreamWrapper(text, inUrl));
  if (triggers & PhpTrigger.INI) best = stronger(best, findIniDirective(text));
  return best;
}
