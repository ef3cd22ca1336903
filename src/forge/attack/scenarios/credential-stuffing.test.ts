import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, startDemoApp } from '../../demo/index.js';
import { attack, startSite } from '../attack-fixture.testing.js';
import { resolveAttackTarget } from '../attack-target.js';
import { CREDENTIAL_STUFFING } from './credential-stuffing.js';

describe('the credential-stuffing scenario against the demo shop', () => {
  let app: DemoApp;
  beforeAll(async () => {
    app = await startDemoApp();
  });
  afterAll(() => app.close());

  it('tries forty different credentials on POST /login, as forms and JSON, each refused by the shop', async () => {
    const run = await attack(await resolveAttackTarget(app.url, []), [CREDENTIAL_STUFFING]);
    const { tally } = run.scenarios[0]!;
    expect(tally.requests).toBe(40);
    // Without a gateway the shop answers every attempt itself: 401, wrong password.
    expect(tally.counts.passed).toBe(40);
    expect(tally.samples.every((s) => s.status === 401 && s.request.startsWith('POST /login'))).toBe(true);
  });
});

describe('the credential-stuffing scenario', () => {
  it('varies the credentials and sends them as forms and as JSON, from one user agent', async () => {
    const tried: { type: string; user: string; pass: string; agent: string }[] = [];
    const site = await startSite((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (c: string) => {
        body += c;
      });
      req.on('end', () => {
        const type = req.headers['content-type'] ?? '';
        const fields = type.includes('json')
          ? (JSON.parse(body) as { username: string; password: string })
          : Object.fromEntries(new URLSearchParams(body));
        tried.push({
          type,
          user: fields.username ?? '',
          pass: fields.password ?? '',
          agent: req.headers['user-agent'] ?? '',
        });
        res.writeHead(401).end();
      });
    });
    try {
      await attack(site.target, [CREDENTIAL_STUFFING]);
    } finally {
      await site.close();
    }
    expect(tried).toHaveLength(40);
    expect(new Set(tried.map((t) => `${t.user}:${t.pass}`)).size).toBeGreaterThanOrEqual(38);
    expect(tried.filter((t) => t.type === 'application/json')).toHaveLength(20);
    expect(tried.every((t) => t.user !== '' && t.pass.length >= 6)).toBe(true);
    expect(new Set(tried.map((t) => t.agent)).size).toBe(1);
  });
});
