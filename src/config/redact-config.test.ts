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
});
