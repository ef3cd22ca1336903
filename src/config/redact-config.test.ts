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
});
