import type { z } from 'zod';

/** One thing wrong with a configuration, at a dotted path such as `sites.0.upstream.targets.0`. */
export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * Zod error map for parsing config: plain-language messages. Messages written in the schema still win,
 * because zod ranks a schema's own message above a per-parse map.
 */
export const readableIssueMessage: z.core.$ZodErrorMap = (issue) => {
  const input = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `required (${typeName(issue.expected)})`;
      return `expected ${typeName(issue.expected)}, got ${describe(input, issue.expected)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}; got ${JSON.stringify(input)}`;
    case 'too_small':
      return sizeMessage(issue.origin, 'at least', 'more than', issue.minimum, issue.inclusive, input);
    case 'too_big':
      return sizeMessage(issue.origin, 'at most', 'less than', issue.maximum, issue.inclusive, input);
    case 'invalid_format':
      return formatMessage(issue as unknown as Record<string, unknown>);
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return undefined;
  }
};

/** The problems one zod issue stands for: an unknown-keys issue is one problem per key. */
export function issueProblems(issue: z.core.$ZodIssue): ConfigProblem[] {
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path, message: `unknown option ${JSON.stringify(key)}` }));
  }
  return [{ path, message: issue.message }];
}

/** A problem as one line: `path.to.option: message`. */
export function problemLine(problem: ConfigProblem): string {
  return `${problem.path}: ${problem.message}`;
}

/** `['sites', 0, 'name']` → `sites.0.name`; the top level is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

function typeName(expected: string): string {
  return expected === 'int' ? 'integer' : expected;
}

function describe(input: unknown, expected: string): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'list';
  // `expected integer, got number` would read as a contradiction; the value itself says what is wrong.
  if (typeof input === 'number' && (expected === 'int' || expected === 'number')) return String(input);
  return typeof input;
}

function sizeMessage(
  origin: string,
  inclusiveWord: string,
  exclusiveWord: string,
  limit: number | bigint,
  inclusive: boolean | undefined,
  input: unknown,
): string {
  const bound = `${inclusive === false ? exclusiveWord : inclusiveWord} ${limit}`;
  if (origin === 'string') {
    return limit === 1 && inclusiveWord === 'at least'
      ? 'must not be empty'
      : `must be ${bound} characters long`;
  }
  if (origin === 'array' || origin === 'set') {
    return limit === 1 && inclusiveWord === 'at least' ? 'must not be empty' : `must have ${bound} entries`;
  }
  return `must be ${bound}; got ${String(input)}`;
}

function formatMessage(issue: Record<string, unknown>): string {
  switch (issue.format) {
    case 'starts_with':
      return `must start with ${JSON.stringify(issue.prefix)}`;
    case 'ends_with':
      return `must end with ${JSON.stringify(issue.suffix)}`;
    case 'includes':
      return `must contain ${JSON.stringify(issue.includes)}`;
    case 'regex':
      return `must match ${String(issue.pattern)}; got ${JSON.stringify(issue.input)}`;
    default:
      return `must be a valid ${String(issue.format)}`;
  }
}
