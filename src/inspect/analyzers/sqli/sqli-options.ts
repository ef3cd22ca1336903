import type { SqliLimits } from './detect-sqli.js';

/** Options of the `sqli` analyzer. */
export interface SqliOptions extends SqliLimits {
  /** Findings below this confidence are dropped. */
  readonly minConfidence: number;
}

const DEFAULTS: SqliOptions = { maxLength: 4096, maxTokens: 1024, minConfidence: 0 };
const RANGES: Record<keyof SqliOptions, readonly [number, number]> = {
  maxLength: [16, 1_048_576],
  maxTokens: [8, 65_536],
  minConfidence: [0, 1],
};

/** Validates the `sqli` analyzer's options, reporting every problem at once; returns them frozen. */
export function parseSqliOptions(options: Readonly<Record<string, unknown>>): SqliOptions {
  const problems: string[] = [];
  const result: Record<string, number> = { ...DEFAULTS };
  for (const [key, value] of Object.entries(options)) {
    const range = RANGES[key as keyof SqliOptions];
    if (range === undefined) {
      problems.push(`unknown option "${key}"`);
    } else if (typeof value !== 'number' || Number.isNaN(value) || value < range[0] || value > range[1]) {
      problems.push(`"${key}" must be a number from ${range[0]} to ${range[1]}`);
    } else if (key !== 'minConfidence' && !Number.isInteger(value)) {
      problems.push(`"${key}" must be an integer`);
    } else {
      result[key] = value;
    }
  }
  if (problems.length > 0) throw new TypeError(`inspect.sqli: ${problems.join('; ')}`);
  return Object.freeze(result as unknown as SqliOptions);
}
