import type { Config } from './schema.js';

/** Shown instead of a secret. */
export const REDACTED = '[redacted]';

/**
 * The configuration with its secrets replaced, for terminals, tickets, logs and the control API.
 * @example stringify(redactConfig(config))
 */
export function redactConfig(config: Config): Config {
  const url = config.store.postgres.url;
  return {
    ...config,
    labyrinth:
      config.labyrinth.secret === undefined ? config.labyrinth : { ...config.labyrinth, secret: REDACTED },
    store:
      url === undefined
        ? config.store
        : { ...config.store, postgres: { ...config.store.postgres, url: redactUrlPassword(url) } },
  };
}

/** A connection URL with its password replaced. */
export function redactUrlPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = REDACTED;
    return parsed.toString();
  } catch {
    return REDACTED;
  }
}
