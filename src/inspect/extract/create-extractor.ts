import type { RequestView } from '../../core/index.js';
import type { ParsedRequest } from '../parsed-request.js';
import { DEFAULT_EXTRACT_LIMITS, type ExtractLimits, validateExtractLimits } from './extract-limits.js';
import { extractRequest } from './extract-request.js';

/**
 * The `extract` part of an inspector, with its limits validated once and frozen; throws a TypeError listing
 * every problem with them.
 * @example createInspector({ analyzers, normalize, extract: createExtractor({ ...DEFAULT_EXTRACT_LIMITS, maxArgs: 256 }) })
 */
export function createExtractor(
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): (view: RequestView) => ParsedRequest {
  const problems = validateExtractLimits(limits);
  if (problems.length > 0) throw new TypeError(`inspect.extract: invalid limits: ${problems.join('; ')}`);
  const frozen: ExtractLimits = Object.freeze({ ...limits });
  return (view) => extractRequest(view, frozen);
}
