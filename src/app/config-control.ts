import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseDocument, stringify } from 'yaml';
import { type Config, type LoadConfigOptions, loadConfigText, redactConfig } from '../config/index.js';
import type { ConfigControl, ConfigOutcome, ExclusionInput } from '../control/index.js';
import { InfinisecError } from '../core/index.js';
import type { ConfigVersionStore } from '../store/index.js';
import { assertServable } from './assert-servable.js';

/** SHA-256 hex of a configuration text. */
export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The text of the configuration file, or '' when there is none. */
export function readConfigText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}

/** What the config control works with. */
export interface ConfigControlDeps {
  readonly file: string;
  readonly loadOptions: LoadConfigOptions;
  readonly versions: ConfigVersionStore;
  readonly current: () => Config;
  /** The version of the running configuration, as recorded. */
  readonly version: () => number;
  /** Reloads from the file on behalf of `author`; true when the new configuration was applied. */
  readonly reload: (author: string, comment: string) => Promise<boolean>;
}

const problemsOf = (err: unknown): string[] =>
  err instanceof InfinisecError
    ? err.details.length > 0
      ? [...err.details]
      : [err.message]
    : [err instanceof Error ? err.message : String(err)];

/**
 * The configuration as the control API sees it. Applying writes the text to the configuration file (atomically)
 * and reloads from it, so the file stays the one source of truth and a restart keeps what was applied.
 */
export function createConfigControl(deps: ConfigControlDeps): ConfigControl {
  const check = (text: string): string[] => {
    try {
      assertServable(loadConfigText(text, 'the submitted configuration', deps.loadOptions));
      return [];
    } catch (err) {
      return problemsOf(err);
    }
  };

  return {
    current() {
      return { version: deps.version(), source: stringify(redactConfig(deps.current())) };
    },
    async validate(text): Promise<ConfigOutcome> {
      const problems = check(text);
      return problems.length === 0 ? { ok: true, version: deps.version() } : { ok: false, problems };
    },
    async apply(text, author, comment): Promise<ConfigOutcome> {
      const problems = check(text);
      if (problems.length > 0) return { ok: false, problems };
      const temp = `${deps.file}.${process.pid}.tmp`;
      writeFileSync(temp, text, { mode: 0o600 });
      renameSync(temp, deps.file);
      if (!(await deps.reload(author, comment)))
        return { ok: false, problems: ['the configuration was refused on reload'] };
      return { ok: true, version: deps.version() };
    },
    exclusions() {
      return deps.current().inspect.exclusions;
    },
    async addExclusion(exclusion, author, comment) {
      const edited = withExclusion(readConfigText(deps.file), exclusion);
      if (!edited.ok) return edited;
      return this.apply(edited.text, author, comment);
    },
  };
}

/**
 * A configuration text with one more exclusion under `inspect.exclusions`, its comments and layout kept; the
 * problems when the text is not YAML.
 */
export function withExclusion(
  text: string,
  exclusion: ExclusionInput,
): { ok: true; text: string } | { ok: false; problems: string[] } {
  const doc = parseDocument(text.trim() === '' ? '{}' : text);
  if (doc.errors.length > 0) return { ok: false, problems: doc.errors.map((e) => e.message) };
  const entry = Object.fromEntries(Object.entries(exclusion).filter(([, v]) => v !== undefined));
  if (doc.hasIn(['inspect', 'exclusions'])) doc.addIn(['inspect', 'exclusions'], entry);
  else doc.setIn(['inspect', 'exclusions'], [entry]);
  return { ok: true, text: doc.toString() };
}

/** The name a configuration text is sealed under in its version: bound to its digest. */
export const sealedVersionName = (digest: string) => `config:${digest}`;

/**
 * Records an applied configuration when it differs from the last one recorded; returns its version. `sealed` is
 * its text sealed by the secret box under sealedVersionName(digest), so that a rollback can apply it again.
 */
export async function recordConfigVersion(
  versions: ConfigVersionStore,
  config: Config,
  digest: string,
  author: string,
  comment: string,
  sealed: string | null,
): Promise<number> {
  const last = await versions.latest();
  if (last?.digest === digest) return last.version;
  const stored = await versions.append({
    time: Date.now(),
    author,
    source: stringify(redactConfig(config)),
    digest,
    comment,
    sealed,
  });
  return stored.version;
}
