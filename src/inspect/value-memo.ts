import type { Finding } from '../core/index.js';
import type { Inspectable, ValueKind } from './inspectable.js';

/**
 * Remembers what the value analyzers found in values that recur from request to request (a browser's
 * User-Agent, a site's paths), so that each distinct one is analyzed once. Analyzers are pure functions of
 * the value, its kind and its location, so a remembered answer is the answer. Bounded: it forgets everything
 * when full, which costs a flood of distinct values nothing more than having no memo.
 */
export interface ValueMemo {
  /** True when the memo keeps values like this one. */
  accepts(item: Inspectable): boolean;
  get(item: Inspectable): readonly Finding[] | undefined;
  set(item: Inspectable, findings: readonly Finding[]): void;
}

export interface ValueMemoOptions {
  readonly kinds: readonly ValueKind[];
  /** Longer values are not kept. */
  readonly maxLength: number;
  readonly maxEntries: number;
}

const key = (item: Inspectable): string => `${item.location}\n${item.value}`;

/** @example createValueMemo({ kinds: ['header-value'], maxLength: 512, maxEntries: 1024 }) */
export function createValueMemo(options: ValueMemoOptions): ValueMemo {
  const kinds = new Set(options.kinds);
  const entries = new Map<string, readonly Finding[]>();
  const accepts = (item: Inspectable) => kinds.has(item.kind) && item.value.length <= options.maxLength;
  return {
    accepts,
    get(item) {
      return accepts(item) ? entries.get(key(item)) : undefined;
    },
    set(item, findings) {
      if (!accepts(item)) return;
      if (entries.size >= options.maxEntries) entries.clear();
      entries.set(key(item), findings);
    },
  };
}
