import type { Finding } from '../../../core/index.js';
import type { Analyzer } from '../../analyzer.js';
import { excerpt } from '../shared/excerpt.js';
import { readOptions } from '../shared/read-options.js';
import { findFunctionDefinition } from './find-function-definition.js';

const ID = 'shellshock';
const RULE = `${ID}/function-definition`;
/** Kinds that never reach a CGI environment and may hold pasted code. */
const FREE_TEXT = new Set(['body-value', 'body-text', 'file-content']);

/**
 * Shellshock (CVE-2014-6271 and kin): a value that starts with a Bash function definition `() {`, which
 * a vulnerable Bash imports from the environment and then runs what follows; or the `() { :; };` idiom
 * anywhere.
 * @example createShellshockAnalyzer().analyzeValue?.(value) // header `() { :; }; /bin/id` → 1.0
 */
export function createShellshockAnalyzer(options: Readonly<Record<string, unknown>> = {}): Analyzer {
  const { maxLength } = readOptions(ID, options);
  return {
    id: ID,
    // Needs markup, URLs, quotes, brackets, $ or line breaks: plain text holds none of them.
    quietOnPlainText: true,
    analyzeValue({ item, variants }) {
      for (const variant of variants) {
        if (variant.value.indexOf('(') < 0) continue;
        const found = findFunctionDefinition(variant.value, maxLength);
        if (found === undefined) continue;
        const strong = found.leading && (found.classicBody || !FREE_TEXT.has(item.kind));
        const finding: Finding = {
          analyzer: ID,
          rule: RULE,
          confidence: strong ? 1 : found.classicBody ? 0.9 : 0.6,
          location: item.location,
          evidence: excerpt(variant.value, found.index),
          transforms: variant.transforms,
        };
        return [finding];
      }
      return [];
    },
  };
}
