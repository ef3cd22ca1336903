import { describe, expect, it } from 'vitest';
import { createAlertChannel } from './alert-channel-registry.js';

describe('createAlertChannel', () => {
  it('makes a channel of each type, named by default after it', () => {
    expect(createAlertChannel({ type: 'webhook', url: 'https://hooks.example/a' }).name).toBe('webhook');
    expect(createAlertChannel({ type: 'slack', url: 'https://hooks.example/b', name: 'ops' }).name).toBe(
      'ops',
    );
  });

  it('refuses an unknown type and bad options', () => {
    expect(() => createAlertChannel({ type: 'pager', url: 'https://x.example' } as never)).toThrow(
      /unknown channel type/,
    );
    expect(() => createAlertChannel({ type: 'slack', url: 'https://x.example', retries: 99 })).toThrow(
      /retries/,
    );
  });
});
