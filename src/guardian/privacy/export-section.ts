import type { ExportSection } from './privacy-types.js';

/** The first `max` items as a section, saying so when there were more. */
export function sectionOf<T>(items: readonly T[], max: number, what: string): ExportSection<T> {
  if (items.length <= max) return { items, complete: true };
  return {
    items: items.slice(0, max),
    complete: false,
    note: `only the ${max} most recent ${what} are here; there are more`,
  };
}

/** Items of several lists, each once by id, in the order first seen. */
export function uniqueById<T extends { readonly id: string }>(lists: readonly (readonly T[])[]): T[] {
  const seen = new Map<string, T>();
  for (const list of lists) for (const item of list) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}
