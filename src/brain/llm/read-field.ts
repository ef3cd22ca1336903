/** `value[key]` when value is an object, else undefined: for walking JSON of unknown shape. */
export function field(value: unknown, key: string | number): unknown {
  return value !== null && typeof value === 'object'
    ? (value as Record<string | number, unknown>)[key]
    : undefined;
}

/** A token count from an API's usage block: a finite non-negative integer, else 0. */
export function tokenCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : 0;
}
