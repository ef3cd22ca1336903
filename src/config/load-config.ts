import { InfinisecError } from '../core/index.js';
import { type ConfigFileText, readConfigFile, readConfigFileSync, resolveConfigFile } from './config-file.js';
import { deepMerge } from './deep-merge.js';
import { applyEnvOverrides, type EnvOverride } from './env-twins.js';
import { type ConfigProblem, problemLine } from './format-issue.js';
import { parseConfigYaml } from './parse-config-yaml.js';
import type { Config, ConfigInput } from './schema.js';
import { checkConfig } from './validate-config.js';

/** Where `loadConfig` reads from; every field is optional. */
export interface LoadConfigOptions {
  /** The YAML file; default: the path in `INFINISEC_CONFIG`, else `infinisec.yaml` if it exists. */
  readonly file?: string;
  /** Where env twins are read; default: `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Settings laid under the file, as demo mode does; the file and env win over them. */
  readonly base?: ConfigInput;
}

/**
 * Reads, merges (defaults < base < file < env), validates and freezes the configuration.
 * Throws INFINISEC_ERR_CONFIG_READ, _PARSE, or _INVALID with every problem in `details`.
 * @example const config = await loadConfig({ file: 'infinisec.yaml' });
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<Config> {
  const env = options.env ?? process.env;
  const file = await readConfigFile(resolveConfigFile(options.file, env));
  return assemble(file, env, options.base);
}

/** Like `loadConfig`, synchronous. */
export function loadConfigSync(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const file = readConfigFileSync(resolveConfigFile(options.file, env));
  return assemble(file, env, options.base);
}

/**
 * Like `loadConfig`, from text given rather than read (a configuration sent to the control API): YAML or
 * JSON, merged over `base` and under the environment like a file would be. Throws like `loadConfig`.
 */
export function loadConfigText(text: string, source: string, options: LoadConfigOptions = {}): Config {
  return assemble({ path: source, text }, options.env ?? process.env, options.base);
}

function assemble(
  file: ConfigFileText | undefined,
  env: Readonly<Record<string, string | undefined>>,
  base: ConfigInput | undefined,
): Config {
  const fromFile = file ? parseConfigYaml(file.text, file.path) : {};
  const overrides = applyEnvOverrides(deepMerge(base, fromFile), env);
  const checked = checkConfig(overrides.input);
  if (checked.ok && overrides.problems.length === 0) return checked.config;
  const problems = [
    ...(checked.ok
      ? []
      : checked.problems.map((problem) => problemLine(namingEnv(problem, overrides.applied)))),
    ...overrides.problems,
  ];
  const fromEnv = overrides.applied.length > 0 || overrides.problems.length > 0;
  const source = [file?.path ?? 'the defaults', ...(fromEnv ? ['the environment'] : [])];
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  throw new InfinisecError('INFINISEC_ERR_CONFIG_INVALID', 'config', `${count} in ${source.join(' and ')}`, {
    details: problems,
  });
}

// A bad value that came from the environment is fixed there, not in the file: say so.
function namingEnv(problem: ConfigProblem, applied: readonly EnvOverride[]): ConfigProblem {
  const from = applied.find((o) => problem.path === o.path || problem.path.startsWith(`${o.path}.`));
  return from ? { ...problem, message: `${problem.message} (set by ${from.env})` } : problem;
}
