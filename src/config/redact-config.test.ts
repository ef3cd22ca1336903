import { describe, expect, it } from 'vitest';
import { redactConfig } from './redact-config.js';
import { validateConfig } from './validate-config.js';

describe('redactConfig', () => {
  it('hides the labyrinth secret and leaves the rest', () => {
    const checked = validateConfig({
      labyrinth: { secret: 'a-very-long-secret-that-nobody-should-see-0123' },
    });
    if (!checked.ok) throw new Error('fixture invalid');
    const shown = redactConfig(checked.config);
    expect(JSON.stringify(shown)).not.toContain('a-very-long-secret');
    expect(shown.labyrinth.secret).toBe('[redacted]');
    expect(shown.server).toEqual(checked.config.server);
  });

  it('hides the password of a PostgreSQL URL', () => {
    const checked = validateConfig({
      store: { driver: 'postgres', postgres: { url: 'postgres://app:s3cret-pw@db.internal:5432/infinisec' } },
    });
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    const shown = redactConfig(checked.config).store.postgres.url!;
    expect(shown).not.toContain('s3cret-pw');
    expect(shown).toContain('db.internal:5432');
  });

  it('refuses the postgres driver without a URL', () => {
    const checked = validateConfig({ store: { driver: 'postgres' } });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.join('\n')).toMatch(/store\.postgres\.url/);
  });

  it('hides the passwords of the Redis and NATS URLs', () => {
    const checked = validateConfig({
      cluster: {
        redis: { url: 'redis://:r3dis-pw@cache.internal:6379/0' },
        nats: { url: 'nats://gw:n4ts-pw@bus.internal:4222' },
      },
    });
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    const shown = JSON.stringify(redactConfig(checked.config));
    expect(shown).not.toContain('r3dis-pw');
    expect(shown).not.toContain('n4ts-pw');
    expect(shown).toContain('cache.internal:6379');
    expect(shown).toContain('bus.internal:4222');
  });

  it('refuses several workers without Redis to share their state', () => {
    const checked = validateConfig({ server: { workers: 'auto' } });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.join('\n')).toMatch(/server\.workers/);
  });

  it('hides LLM keys and webhook URLs', () => {
    const checked = validateConfig({
      brain: {
        llm: { providers: [{ name: 'openai', kind: 'openai-compatible', apiKey: 'sk-live-abcdef123456' }] },
        alerts: {
          channels: [
            { name: 'ops', type: 'slack', url: 'https://hooks.slack.com/services/T000/B000/XXXXsecret' },
          ],
        },
      },
    });
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    const shown = JSON.stringify(redactConfig(checked.config));
    expect(shown).not.toContain('sk-live-abcdef123456');
    expect(shown).not.toContain('XXXXsecret');
    expect(shown).toContain('https://hooks.slack.com');
  });
});
