/** Options of the protocol analyzer. */
export interface ProtocolOptions {
  /** Headers beyond this count are an anomaly. */
  readonly maxHeaders: number;
}

/** Validates the protocol analyzer's options; unknown keys are refused. */
export function readProtocolOptions(id: string, options: Readonly<Record<string, unknown>>): ProtocolOptions {
  for (const key of Object.keys(options)) {
    if (key !== 'maxHeaders') throw new TypeError(`${id}: unknown option "${key}"`);
  }
  const maxHeaders = options.maxHeaders ?? 100;
  if (
    typeof maxHeaders !== 'number' ||
    !Number.isInteger(maxHeaders) ||
    maxHeaders < 8 ||
    maxHeaders > 10_000
  )
    throw new TypeError(`${id}: maxHeaders must be an integer from 8 to 10000`);
  return Object.freeze({ maxHeaders });
}
