import type { Inspectable, ValueKind } from '../inspectable.js';
import type { ExtractLimits } from './extract-limits.js';

// Analyzers read the first few KiB of a value (bounding their cost); a long value's end is a value of its
// own too, so that padding put in front of a payload (`AAAA…AAAA' union select…`) hides nothing.
const LONG_VALUE = 4096;
const END_WINDOW = 2048;
const PADDABLE: ReadonlySet<ValueKind> = new Set([
  'query-value',
  'body-value',
  'body-text',
  'cookie-value',
  'header-value',
]);

/**
 * Collects the values of one request, enforcing the argument and value-size limits. A value longer than
 * 4 KiB of the kinds a client fills (parameters, fields, cookies, headers, raw text) is followed by its
 * last 2 KiB under the same location.
 */
export class ValueSink {
  readonly values: Inspectable[] = [];
  readonly overLimits: string[] = [];
  /** True once `maxArgs` values were collected: extractors stop early. */
  full = false;
  readonly maxDepth: number;
  readonly #maxArgs: number;
  readonly #maxValue: number;

  constructor(limits: ExtractLimits) {
    this.#maxArgs = limits.maxArgs;
    this.#maxValue = limits.maxValueBytes ?? Number.POSITIVE_INFINITY;
    this.maxDepth = limits.maxDepth;
  }

  add(location: string, kind: ValueKind, value: string): void {
    if (this.full) return;
    if (this.values.length >= this.#maxArgs) {
      this.full = true;
      this.over('args');
      return;
    }
    if (value.length > this.#maxValue) {
      value = value.slice(0, this.#maxValue);
      this.over('value-bytes');
    }
    this.values.push({ location, kind, value });
    if (value.length > LONG_VALUE && PADDABLE.has(kind) && this.values.length < this.#maxArgs)
      this.values.push({ location, kind, value: value.slice(-END_WINDOW) });
  }

  /** Records a limit once. */
  over(limit: string): void {
    if (!this.overLimits.includes(limit)) this.overLimits.push(limit);
  }
}
