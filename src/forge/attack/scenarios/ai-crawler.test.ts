import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attack, startSite, type TestSite } from '../attack-fixture.testing.js';
import { AI_CRAWLER } from './ai-crawler.js';

const PAGE = (links: string) => `<!doctype html><html><body>${links}</body></html>`;

describe('the ai-crawler scenario', () => {
  let site: TestSite;
  const visits: { path: string; agent: string }[] = [];

  beforeAll(async () => {
    site = await startSite((req, res) => {
      const path = req.url ?? '/';
      visits.push({ path, agent: req.headers['user-agent'] ?? '' });
      if (path === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
      } else if (path.startsWith('/trap/')) {
        // What a maze page says in its head.
        res.writeHead(200, { 'content-type': 'text/html', 'x-robots-tag': 'noindex, nofollow' });
        res.end(PAGE('<a href="/trap/deeper">deeper</a>'));
      } else if (path === '/') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(PAGE('<a href="/a">A</a><a href="/b">B</a><div hidden><a href="/trap/1">t</a></div>'));
      } else {
        res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE('<a href="/">home</a>'));
      }
    });
  });
  afterAll(() => site.close());

  it('visits what robots.txt forbids, follows hidden links and is trapped by them', async () => {
    const run = await attack(site.target, [AI_CRAWLER]);
    const paths = visits.map((v) => v.path);
    expect(paths.slice(0, 2)).toEqual(['/robots.txt', '/']);
    expect(paths).toEqual(expect.arrayContaining(['/private/', '/a', '/b', '/trap/1']));
    // A maze page is recognised from its head: its links are not followed.
    expect(paths).not.toContain('/trap/deeper');
    expect(new Set(paths).size).toBe(paths.length);
    const counts = run.scenarios[0]!.tally.counts;
    expect(counts.trapped).toBe(1);
    expect(counts.passed).toBe(paths.length - 1);
    expect(
      visits.every((v) =>
        /GPTBot|ClaudeBot|CCBot|PerplexityBot|Bytespider|Amazonbot|meta-externalagent/.test(v.agent),
      ),
    ).toBe(true);
    expect(new Set(visits.map((v) => v.agent)).size).toBe(1);
  });
});
