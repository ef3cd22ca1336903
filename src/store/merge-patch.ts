/**
 * The record with the patch's fields over it; a field the patch leaves undefined keeps its value, and `keep`
 * names fields no patch may change, whatever it holds at run time.
 */
export function mergePatch<T extends object>(
  record: T,
  patch: Partial<T>,
  keep: readonly (keyof T)[] = [],
): T {
  const merged = { ...record };
  for (const [key, value] of Object.entries(patch) as [keyof T, T[keyof T]][]) {
    if (value !== undefined && key in record && !keep.includes(key)) merged[key] = value;
  }
  return merged;
}
