import { describe, expect, it } from 'vitest';
import { configSchema } from '../../config/index.js';
import { detectionFacts, minimisationFacts, retentionFacts } from './config-facts.js';

const site = (routes: unknown[]) => ({
  name: 'shop',
  hosts: ['shop.example'],
  upstream: { targets: ['http://127.0.0.1:3000'] },
  routes,
});

describe('config facts', () => {
  it('names the routes that skip inspection or only detect', () => {
    const config = configSchema.parse({
      sites: [
        site([
          { path: '/health', inspect: { enabled: false } },
          { path: '/api', inspect: { mode: 'detect' } },
          { path: '/shop', inspect: { sensitivity: 'high' } },
        ]),
      ],
    });
    expect(detectionFacts(config)).toMatchObject({
      enabled: true,
      mode: 'block',
      routesOff: ['shop/health'],
      routesDetect: ['shop/api'],
    });
  });

  it('reads retention and truncation as configured', () => {
    const config = configSchema.parse({
      store: { events: { retentionDays: 14 } },
      privacy: { retentionDays: { incidents: 60 }, truncateAddresses: { enabled: true, ipv4Prefix: 16 } },
    });
    expect(retentionFacts(config)).toMatchObject({ eventsDays: 14, incidentsDays: 60, samplesDays: 7 });
    expect(minimisationFacts(config)).toMatchObject({ truncate: true, ipv4Prefix: 16, ipv6Prefix: 48 });
  });
});
