import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { attack, startSite } from '../attack-fixture.testing.js';
import { FLOOD } from './flood.js';

describe('the flood scenario', () => {
  it('sends its burst with many requests in flight, and counts the 429s of a limit', async () => {
    let served = 0;
    let most = 0;
    // The first twenty requests are held until all twenty are in flight (or a second has passed).
    const gate: ServerResponse[] = [];
    const release = () => {
      for (const res of gate.splice(0)) res.writeHead(200).end('ok');
    };
    const timer = setTimeout(release, 1000);
    const site = await startSite((_req, res) => {
      served++;
      if (served <= 20) {
        gate.push(res);
        most = Math.max(most, gate.length);
        if (gate.length === 20) release();
        return;
      }
      res.writeHead(served > 100 ? 429 : 200).end('ok');
    });
    try {
      const run = await attack(site.target, [FLOOD]);
      expect(run.scenarios[0]!.tally.counts).toMatchObject({ passed: 100, rateLimited: 300 });
    } finally {
      clearTimeout(timer);
      await site.close();
    }
    expect(most).toBe(20);
  });
});
