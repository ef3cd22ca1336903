import { describe, expect, it } from 'vitest';
import { attack, startSite } from '../attack-fixture.testing.js';
import { SCANNER } from './scanner.js';

describe('the scanner scenario', () => {
  it('sweeps sixty different probe paths under one scanner user agent', async () => {
    const seen: { path: string; agent: string }[] = [];
    const site = await startSite((req, res) => {
      seen.push({ path: req.url ?? '', agent: req.headers['user-agent'] ?? '' });
      res.writeHead(404).end();
    });
    try {
      const run = await attack(site.target, [SCANNER]);
      expect(run.scenarios[0]!.tally.counts.passed).toBe(60);
    } finally {
      await site.close();
    }
    expect(seen).toHaveLength(60);
    expect(new Set(seen.map((s) => s.path)).size).toBe(60);
    expect(seen.some((s) => /\/\.(env|git|htpasswd|svn|aws|DS_Store)/.test(s.path))).toBe(true);
    expect(seen.some((s) => /\.(bak|sql|zip|old)$/.test(s.path))).toBe(true);
    const agents = new Set(seen.map((s) => s.agent));
    expect(agents.size).toBe(1);
    expect([...agents][0]).toMatch(/nikto|sqlmap|nuclei|gobuster|wfuzz|wpscan|nmap/i);
  });
});
