import type { Inspectable, ValueKind } from '../inspectable.js';
import type { ExtractLimits } from './extract-limits.js';

/** Collects the values of one request, enforcing the argument and value-size limits. */
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
  }

  /** Records a limit once. */
  over(limit: string): void {
    if (!this.overLimits.includes(limit)) this.overLimits.push(limit);
  }
}
