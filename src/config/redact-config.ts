import type { Config } from './schema.js';

/** Shown instead of a secret. */
export const REDACTED = '[redacted]';

/**
 * The configuration with its secrets replaced, for terminals, tickets, logs and the control API.
 * @example stringify(redactConfig(config))
 */
export function redactConfig(config: Config): Config {
  return config.labyrinth.secret === undefined
    ? config
    : { ...config, labyrinth: { ...config.labyrinth, secret: REDACTED } };
}
