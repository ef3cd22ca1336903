import { type ConfigOption, listConfigOptions } from './config-options.js';
import { ENV_PREFIX, RESERVED_ENV_NAMES } from './env-name.js';
import { isPlainObject } from './plain-object.js';

/** An option set from the environment. */
export interface EnvOverride {
  readonly path: string;
  readonly env: string;
}

/** What `applyEnvOverrides` made of the environment. */
export interface EnvOverrides {
  /** A copy of the input with the env values set at their paths; the input itself is untouched. */
  readonly input: unknown;
  /** One line per variable that could not be used, starting with its name. */
  readonly problems: readonly string[];
  /** The options that were set, so a later problem can name the variable it came from. */
  readonly applied: readonly EnvOverride[];
}

type Coerced = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Sets every option whose env twin is in `env`, coercing the text to the option's kind; env wins over the file.
 * @example applyEnvOverrides({}, { INFINISEC_CONTROL_PORT: '9191' }).input // { control: { port: 9191 } }
 */
export function applyEnvOverrides(
  input: unknown,
  env: Readonly<Record<string, string | undefined>>,
): EnvOverrides {
  const options = listConfigOptions();
  const known = new Set(options.map((option) => option.env));
  const problems: string[] = [];
  const applied: EnvOverride[] = [];
  let result = input;
  for (const option of options) {
    const name = option.env!;
    const raw = env[name];
    // An empty variable counts as unset: `FOO=` is how compose files and shells leave a value out.
    if (raw === undefined || raw === '') continue;
    const coerced = coerce(option, raw);
    if (!coerced.ok) {
      problems.push(`${name}: ${coerced.message}`);
      continue;
    }
    result = withValueAt(result, option.segments, coerced.value);
    applied.push({ path: option.path, env: name });
  }
  for (const name of Object.keys(env).sort()) {
    if (name.startsWith(ENV_PREFIX) && !known.has(name) && !RESERVED_ENV_NAMES.has(name) && env[name]) {
      problems.push(`${name}: not a config option (the env twins are listed in docs/config.md)`);
    }
  }
  return { input: result, problems, applied };
}

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function coerce(option: ConfigOption, raw: string): Coerced {
  const text = raw.trim();
  const got = `got ${JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text)}`;
  switch (option.kind) {
    case 'string':
      return { ok: true, value: raw };
    case 'number':
    case 'integer':
      return NUMBER.test(text)
        ? { ok: true, value: Number(text) }
        : { ok: false, message: `expected a number for ${option.path}, ${got}` };
    case 'boolean': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return { ok: true, value: true };
      if (FALSE.has(lower)) return { ok: true, value: false };
      return { ok: false, message: `expected true or false for ${option.path}, ${got}` };
    }
    case 'enum':
      return option.values?.includes(text)
        ? { ok: true, value: text }
        : { ok: false, message: `expected one of ${option.values?.join(', ')} for ${option.path}, ${got}` };
    case 'list':
      if (!text.startsWith('[') && (option.itemKind === 'string' || option.itemKind === 'enum')) {
        return { ok: true, value: text.split(',').flatMap((item) => item.trim() || []) };
      }
      return parseJson(option, text, 'array');
    default:
      return parseJson(option, text, option.kind === 'map' ? 'object' : undefined);
  }
}

function parseJson(option: ConfigOption, text: string, expected: 'array' | 'object' | undefined): Coerced {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, message: `${option.path} must be JSON: ${(err as Error).message}` };
  }
  if (expected === 'array' && !Array.isArray(value)) {
    return { ok: false, message: `${option.path} must be a JSON array` };
  }
  if (expected === 'object' && !isPlainObject(value)) {
    return { ok: false, message: `${option.path} must be a JSON object` };
  }
  return { ok: true, value };
}

// Copies only the objects along the path. Where the file holds something that is not an object on the way
// (`server: 5`), the value is left as it is so that validation reports the file's mistake.
function withValueAt(target: unknown, segments: readonly string[], value: unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  const base = target === undefined || target === null ? {} : target;
  if (!isPlainObject(base)) return target;
  return { ...base, [head]: withValueAt(base[head], rest, value) };
}
