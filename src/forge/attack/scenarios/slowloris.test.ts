import { describe, expect, it } from 'vitest';
import { attack, startSite } from '../attack-fixture.testing.js';
import { SLOWLORIS } from './slowloris.js';

describe('the slowloris scenario', () => {
  it('is answered by a server that times request heads out', async () => {
    const site = await startSite((_req, res) => res.end('never'), {
      headersTimeout: 300,
      requestTimeout: 600,
      connectionsCheckingInterval: 50,
    });
    try {
      const run = await attack(site.target, [SLOWLORIS]);
      const { tally } = run.scenarios[0]!;
      expect(tally.requests).toBe(10);
      expect(tally.counts.blocked).toBe(10);
    } finally {
      await site.close();
    }
  });

  it('passes through a server that waits for ever, within the time it is given', async () => {
    const site = await startSite((_req, res) => res.end('never'), {
      headersTimeout: 60_000,
      requestTimeout: 120_000,
    });
    try {
      const run = await attack(site.target, [SLOWLORIS], { maxSeconds: 1 });
      expect(run.scenarios[0]!.tally.counts.passed).toBe(10);
    } finally {
      await site.close();
    }
  });
});
