/** How much of a request extraction looks at; what lies beyond is recorded in `ParsedRequest.overLimits`. */
export interface ExtractLimits {
  /** Only the first this many bytes of the body are parsed (`body-bytes`). */
  readonly maxBodyBytes: number;
  /** At most this many values are extracted from one request (`args`). */
  readonly maxArgs: number;
  /** JSON and XML nesting deeper than this is not descended into (`depth`). */
  readonly maxDepth: number;
  /** Longer values are cut to this many characters (`value-bytes`); no cut when absent. */
  readonly maxValueBytes?: number;
}

/** The limits used when a site configures none. */
export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = Object.freeze({
  maxBodyBytes: 64 * 1024,
  maxArgs: 512,
  maxDepth: 32,
});

function checkCount(problems: string[], name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    problems.push(`${name} must be a positive integer, got ${String(value)}`);
}

/** Every problem with `limits` at once, empty when they are usable. */
export function validateExtractLimits(limits: ExtractLimits): string[] {
  const problems: string[] = [];
  checkCount(problems, 'maxBodyBytes', limits.maxBodyBytes);
  checkCount(problems, 'maxArgs', limits.maxArgs);
  checkCount(problems, 'maxDepth', limits.maxDepth);
  if (limits.maxValueBytes !== undefined) checkCount(problems, 'maxValueBytes', limits.maxValueBytes);
  return problems;
}
