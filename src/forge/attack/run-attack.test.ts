import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attack, startSite, type TestSite } from './attack-fixture.testing.js';
import type { Scenario } from './scenario.js';
import { sendRequests } from './send-requests.js';
import { canSendFromLoopbackRange } from './source-addresses.js';

/** A scenario of `requests` plain GETs to `/n`, two at a time. */
function plain(name: string, requests: number): Scenario {
  return {
    name,
    kind: 'behaviour',
    summary: 'test',
    requests,
    seconds: 10,
    grace: 0,
    expect: 'answer',
    run: (ctx) => {
      function* gets() {
        for (let i = 0; ; i++) yield { method: 'GET', target: `/${name}/${i}`, headers: [] };
      }
      return sendRequests(ctx, gets(), { concurrency: 2 });
    },
  };
}

describe('runAttack', () => {
  let site: TestSite;
  const seen: { path: string; peer: string }[] = [];

  beforeAll(async () => {
    site = await startSite((req, res) => {
      seen.push({ path: req.url ?? '', peer: req.socket.remoteAddress ?? '' });
      // Every third request of scenario "c" is refused, the rest pass.
      const n = Number((req.url ?? '').split('/')[2]);
      res.writeHead(req.url?.startsWith('/c/') && n % 3 === 0 ? 403 : 200).end('ok');
    });
  });
  afterAll(() => site.close());

  it('keeps each scenario to its own cap and tallies what the target answered', async () => {
    seen.length = 0;
    const run = await attack(site.target, [plain('a', 5), plain('c', 9)]);
    expect(run.scenarios.map((s) => s.tally.requests)).toEqual([5, 9]);
    expect(seen).toHaveLength(14);
    const c = run.scenarios[1]!;
    expect(c.tally.counts).toMatchObject({ blocked: 3, passed: 6 });
    expect(c.tally.firstAnswer).toBeGreaterThanOrEqual(1);
    expect(c.truncated).toBe(false);
  });

  it('stops at the run budget and says which scenarios it cut short', async () => {
    seen.length = 0;
    const run = await attack(site.target, [plain('a', 5), plain('b', 5), plain('c', 5)], { maxRequests: 7 });
    expect(seen).toHaveLength(7);
    expect(run.scenarios.map((s) => [s.tally.requests, s.truncated])).toEqual([
      [5, false],
      [2, true],
      [0, true],
    ]);
  });

  it('sends each scenario from its own client when the system allows it', async () => {
    if (!(await canSendFromLoopbackRange())) return;
    seen.length = 0;
    const run = await attack(site.target, [plain('a', 3), plain('b', 3)], { distinct: true });
    expect(run.distinctClients).toBe(true);
    const peersOf = (name: string) =>
      new Set(seen.filter((s) => s.path.startsWith(`/${name}/`)).map((s) => s.peer));
    expect(peersOf('a').size).toBe(1);
    expect(peersOf('b').size).toBe(1);
    expect([...peersOf('a')][0]).not.toBe([...peersOf('b')][0]);
    expect([...peersOf('a')][0]).not.toBe('127.0.0.1');
  });
});
