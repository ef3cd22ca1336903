import type { Config } from './schema.js';

/** Shown instead of a secret. */
export const REDACTED = '[redacted]';

/**
 * The configuration with its secrets replaced, for terminals, tickets, logs and the control API.
 * @example stringify(redactConfig(config))
 */
export function redactConfig(config: Config): Config {
  const url = config.store.postgres.url;
  const { redis, nats } = config.cluster;
  return {
    ...config,
    labyrinth:
      config.labyrinth.secret === undefined ? config.labyrinth : { ...config.labyrinth, secret: REDACTED },
    store:
      url === undefined
        ? config.store
        : { ...config.store, postgres: { ...config.store.postgres, url: redactUrlPassword(url) } },
    brain: {
      ...config.brain,
      llm: {
        ...config.brain.llm,
        providers: config.brain.llm.providers.map((p) =>
          p.apiKey === undefined ? p : { ...p, apiKey: REDACTED },
        ),
      },
      alerts: {
        ...config.brain.alerts,
        channels: config.brain.alerts.channels.map((c) => ({ ...c, url: redactUrl(c.url) })),
      },
    },
    cluster: {
      ...config.cluster,
      redis: redis.url === undefined ? redis : { ...redis, url: redactUrlPassword(redis.url) },
      nats: nats.url === undefined ? nats : { ...nats, url: redactUrlPassword(nats.url) },
    },
  };
}

/** A webhook URL: its path and query often are the credential (Slack's are), so only the origin is shown. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.pathname === '/' && parsed.search === '' && parsed.password === ''
      ? url
      : `${parsed.origin}/${REDACTED}`;
  } catch {
    return REDACTED;
  }
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
