/** The `xss` analyzer's options. */
export interface XssOptions {
  /** How many characters of each value are scanned; the cap bounds the cost of huge values. */
  readonly maxLength: number;
}

const DEFAULT_MAX_LENGTH = 16384;

/** Validates the factory's options: only `maxLength` (an integer from 256 to 1 MiB), unknown keys refused. */
export function readOptions(options: Readonly<Record<string, unknown>>): XssOptions {
  const problems: string[] = [];
  for (const key of Object.keys(options)) if (key !== 'maxLength') problems.push(`unknown option "${key}"`);
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (
    typeof maxLength !== 'number' ||
    !Number.isInteger(maxLength) ||
    maxLength < 256 ||
    maxLength > 1 << 20
  ) {
    problems.push('maxLength must be an integer from 256 to 1048576');
  }
  if (problems.length > 0) throw new TypeError(`xss: ${problems.join('; ')}`);
  return Object.freeze({ maxLength: maxLength as number });
}
