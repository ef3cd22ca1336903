import { findIniDirective } from './find-ini-directive.js';
import { findPhpCall } from './find-php-call.js';
import { findPhpTag } from './find-php-tag.js';
import { findStreamWrapper } from './find-stream-wrapper.js';
import { findSuperglobal } from './find-superglobal.js';
import { findVariableVariable } from './find-variable-variable.js';
import { type Hit, stronger } from './hit.js';
import { PhpTrigger } from './may-hold-php.js';
import { tokenizePhp } from './tokenize-php.js';

/** Runs the PHP detectors that `triggers` (from `mayHoldPhp`) woke up and returns the strongest hit. */
export function findPhp(text: string, triggers: number): Hit | undefined {
  let best: Hit | undefined;
  if (triggers & PhpTrigger.TAG) best = findPhpTag(text);
  if (triggers & (PhpTrigger.CALL | PhpTrigger.DOLLAR) && (best === undefined || best.confidence < 1))
    best = stronger(best, findPhpCall(text, tokenizePhp(text)));
  if (triggers & PhpTrigger.DOLLAR) {
    best = stronger(best, findSuperglobal(text));
    best = stronger(best, findVariableVariable(text));
  }
  if (triggers & PhpTrigger.WRAPPER) best = stronger(best, findStreamWrapper(text));
  if (triggers & PhpTrigger.INI) best = stronger(best, findIniDirective(text));
  return best;
}
