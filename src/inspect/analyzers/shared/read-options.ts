/** Options every analyzer that scans values accepts. */
export interface ScanOptions {
  /** How many characters of a value are looked at; attacks sit near the start and the cap bounds the cost. */
  readonly maxLength: number;
}

/**
 * Validates a factory's options: only `maxLength` (an integer from 64 to 1 MiB), unknown keys refused.
 * @example readOptions('sqli', { maxLength: 2048 }) // { maxLength: 2048 }
 */
export function readOptions(
  id: string,
  options: Readonly<Record<string, unknown>> = {},
  defaultMaxLength = 8192,
): ScanOptions {
  for (const key of Object.keys(options)) {
    if (key !== 'maxLength') throw new TypeError(`${id}: unknown option "${key}"`);
  }
  const maxLength = options.maxLength ?? defaultMaxLength;
  if (
    typeof maxLength !== 'number' ||
    !Number.isInteger(maxLength) ||
    maxLength < 64 ||
    maxLength > 1 << 20
  ) {
    throw new TypeError(`${id}: maxLength must be an integer from 64 to 1048576`);
  }
  return Object.freeze({ maxLength });
}
