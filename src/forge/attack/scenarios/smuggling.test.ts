import { describe, expect, it } from 'vitest';
import { attack, startSite } from '../attack-fixture.testing.js';
import { SMUGGLING } from './smuggling.js';

const echo = (_req: unknown, res: { end(body: string): void }) => res.end('ok');

describe('the smuggling scenario', () => {
  it('is refused by a strict HTTP parser, every request of it', async () => {
    const site = await startSite((req, res) => {
      req.resume();
      echo(req, res);
    });
    try {
      const run = await attack(site.target, [SMUGGLING]);
      expect(run.scenarios[0]!.tally.counts).toMatchObject({ blocked: 12, passed: 0 });
    } finally {
      await site.close();
    }
  });

  it('passes through a lenient one, which reads Content-Length and Transfer-Encoding together', async () => {
    const site = await startSite(
      (req, res) => {
        req.resume();
        req.on('end', () => res.end('ok'));
      },
      { insecureHTTPParser: true },
    );
    try {
      const run = await attack(site.target, [SMUGGLING]);
      const { counts, samples } = run.scenarios[0]!.tally;
      expect(counts.passed).toBeGreaterThan(0);
      expect(samples[0]?.request).toMatch(/^POST \/ \((cl-te|te-cl|cl-cl|cl-list|te-te)/);
    } finally {
      await site.close();
    }
  });
});
