import { type FilterItem, readFilterItem } from './read-filter-item.js';

/** A `)` that closes a filter the value did not open, followed by new filter components. */
export interface FilterBreakout {
  /** Index of the breaking `)`. */
  readonly at: number;
  readonly item: FilterItem;
  /** `)(|` or `)(&` at the very end, waiting for the application's own `)` to complete it. */
  readonly dangling: boolean;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Finds an LDAP filter breakout: a `)` at depth zero (closing the application's `(uid=` around the
 * value), then optionally `&`/`|`/`!`, then a `(` that opens a filter component. Parentheses the value
 * opens and closes itself (`(a+b)*c`, a whole `(&(x=1)(y=2))` filter) are not breakouts.
 */
export function findFilterBreakout(s: string, end: number): FilterBreakout | undefined {
  let depth = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41) {
      if (depth > 0) {
        depth--;
        continue;
      }
      let j = i + 1;
      while (j < end && isBlank(s.charCodeAt(j))) j++;
      const op = s.charCodeAt(j);
      if (op === 38 || op === 124 || op === 33) {
        j++;
        while (j < end && isBlank(s.charCodeAt(j))) j++;
      }
      if (s.charCodeAt(j) !== 40) continue;
      // `admin*)((|userPassword=*)`: extra parentheses before the component change nothing for it.
      while (j + 1 < end && j - i < 16 && s.charCodeAt(j + 1) === 40) j++;
      const item = readFilterItem(s, j, end);
      if (item === undefined) continue;
      let rest = j + 1;
      while (
        rest < end &&
        (isBlank(s.charCodeAt(rest)) ||
          s.charCodeAt(rest) === 38 ||
          s.charCodeAt(rest) === 124 ||
          s.charCodeAt(rest) === 33)
      )
        rest++;
      return { at: i, item, dangling: item.shape === 'compound' && rest >= end };
    }
  }
  return undefined;
}

/**
 * Index of a second whole filter glued after the one the value opens with (`(&(uid=*)(uid=*))(|(uid=*))`):
 * a filter has one top-level component, so a second one only makes sense appended to the application's
 * own; -1 when there is none.
 */
export function findAppendedFilter(s: string, end: number): number {
  let i = 0;
  while (i < end && isBlank(s.charCodeAt(i))) i++;
  if (s.charCodeAt(i) !== 40 || readFilterItem(s, i, end) === undefined) return -1;
  let depth = 0;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === 40) depth++;
    else if (c === 41 && --depth === 0) break;
  }
  let next = i + 1;
  while (next < end && isBlank(s.charCodeAt(next))) next++;
  if (i >= end || s.charCodeAt(next) !== 40) return -1;
  return readFilterItem(s, next, end) === undefined ? -1 : next;
}
