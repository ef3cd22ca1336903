import type { Inspectable, ValueKind } from '../inspectable.js';
import type { ExtractLimits } from './extract-limits.js';

// Analyzers read the first few KiB of a value (bounding their cost); a long value's end is a value of its
// own too, so that padding put in front of a payload (`AAAA…AAAA' union select…`) hides nothing.
const LONG_VALUE = 4096;
export const END_WINDOW = 2048;
const PADDABLE: ReadonlySet<ValueKind> = new Set([
  'query-value',
  'body-value',
  'body-text',
  'cookie-value',
  'header-value',
]);

// How far into the end window a line may start for the end to begin there.
const LINE_SEARCH = END_WINDOW / 2;
const ENCODED_BREAK = /%0a/i;

/**
 * Where a long value's end begins: at the first line that starts in the first half of the window (typed,
 * or as a form sends it, `%0A`), so that the end of a post is not read from the middle of a tag or a
 * sentence (`…sponsor/24" target="_blank"><img …` is no breakout); else never inside a `%XX` escape.
 * For a value longer than the 2 KiB end window.
 */
export function endStart(value: string): number {
  const from = value.length - END_WINDOW;
  const line = value.indexOf('\n', from);
  if (line >= 0 && line < from + LINE_SEARCH) return line + 1;
  const encoded = value.slice(from, from + LINE_SEARCH).search(ENCODED_BREAK);
  if (encoded >= 0) return from + encoded + 3;
  if (value.charCodeAt(from - 1) === 37) return from + 2;
  if (value.charCodeAt(from - 2) === 37) return from + 1;
  return from;
}

/**
 * Collects the values of one request, enforcing the argument and value-size limits. A value longer than
 * 4 KiB of the kinds a client fills (parameters, fields, cookies, headers, raw text) is followed by its
 * last 2 KiB (from a line start when one is near) under the same location.
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
      this.values.push({ location, kind, value: value.slice(endStart(value)) });
  }

  /** Records a limit once. */
  over(limit: string): void {
    if (!this.overLimits.includes(limit)) this.overLimits.push(limit);
  }
}
