import { describe, expect, it } from 'vitest';
import { type Config, validateConfig } from '../../config/index.js';
import { securityEvent } from '../../store/security-event-fixture.testing.js';
import { addressTruncation } from './address-truncation.js';

function configWith(input: unknown): Config {
  const result = validateConfig(input);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

describe('addressTruncation', () => {
  const event = securityEvent({ id: 'e1', time: 1, ip: '203.0.113.77' });

  it('stores whole addresses while it is off (the default)', () => {
    const cut = addressTruncation(() => configWith({}));
    expect(cut.event(event)).toBe(event);
  });

  it('cuts to the configured prefixes, read at each call', () => {
    let config = configWith({ privacy: { truncateAddresses: { enabled: true } } });
    const cut = addressTruncation(() => config);
    expect(cut.event(event).client.ip).toBe('203.0.113.0');
    config = configWith({ privacy: { truncateAddresses: { enabled: true, ipv4Prefix: 16 } } });
    expect(cut.event(event).client.ip).toBe('203.0.0.0');
  });
});
