import { deepFreeze } from './deep-freeze.js';
import { type ConfigProblem, issueProblems, problemLine, readableIssueMessage } from './format-issue.js';
import { type Config, configSchema } from './schema.js';

/** The outcome of checking a config object: a frozen config, or every problem found. */
export type ConfigValidation =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Checks a config object already in memory (file, env and defaults are the caller's business).
 * @example const result = validateConfig({ control: { port: 'abc' } }); // { ok: false, problems: [...] }
 */
export function validateConfig(input: unknown): ConfigValidation {
  const result = checkConfig(input);
  return result.ok ? result : { ok: false, problems: result.problems.map(problemLine) };
}

/** Like `validateConfig`, with problems kept as values so a caller can say where each came from. */
export function checkConfig(
  input: unknown,
): { ok: true; config: Config } | { ok: false; problems: readonly ConfigProblem[] } {
  const parsed = configSchema.safeParse(input, { error: readableIssueMessage });
  // A copy is frozen: zod hands out its `.default()` values by reference, and those must stay its own.
  if (parsed.success) return { ok: true, config: deepFreeze(structuredClone(parsed.data)) };
  return { ok: false, problems: parsed.error.issues.flatMap(issueProblems) };
}
