import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeProviderServer, startFakeOpenAi } from '../src/brain/llm/fake-providers.testing.js';
import { api } from './helpers/control-client.js';
import { baseConfig } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

// The brain inside a running gateway: a scanner campaign from 120 addresses and ordinary visitors go
// through the gateway; the correlator makes one incident of the campaign, the responder decides about the
// campaign's addresses only, one alert reaches the webhook, and the analyst answers through a local server
// that speaks the OpenAI-compatible API.

const PASSWORD = 'correct horse battery staple';
const SCANNERS = Array.from({ length: 120 }, (_, i) => `203.0.113.${i + 1}`);
const LATECOMERS = Array.from({ length: 100 }, (_, i) => `192.0.2.${i + 1}`);
const VISITORS = Array.from({ length: 20 }, (_, i) => `198.51.100.${i + 1}`);

interface Received {
  readonly body: Record<string, unknown>;
}

async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
    });
    req.on('end', () => {
      received.push({ body: JSON.parse(text) as Record<string, unknown> });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received, server };
}

describe('the brain in a running gateway', () => {
  let upstream: Upstream;
  let gateway: InProcessGateway;
  let llm: FakeProviderServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let pool: Pool;
  let token: string;

  beforeAll(async () => {
    upstream = await startUpstream();
    receiver = await startReceiver();
    llm = await startFakeOpenAi({
      model: (call) =>
        call.system.includes('filter over') || call.user.includes('filter over')
          ? { text: JSON.stringify({ client: '203.0.113.7', action: 'block' }) }
          : {
              text: JSON.stringify({
                summary: 'A scanner campaign from many addresses probed the shop with SQL injection.',
                recommendedActions: [],
              }),
            },
    });
    const base = baseConfig(upstream.url);
    gateway = await startInProcess({
      ...base,
      server: { ...base.server, trustedProxies: ['127.0.0.1'] },
      brain: {
        llm: {
          providers: [
            { name: 'fake', kind: 'openai-compatible', baseUrl: `${llm.baseUrl}`, apiKey: llm.apiKey },
          ],
          models: [{ provider: 'fake', model: 'fake-model', inputPricePer1k: 0.5, outputPricePer1k: 1.5 }],
        },
        alerts: { channels: [{ name: 'ops', type: 'webhook', url: receiver.url }] },
      },
    });
    pool = new Pool(gateway.url, { connections: 8 });
    const setup = await api(gateway.controlUrl, 'POST', '/api/setup', {
      body: { token: gateway.setupToken, username: 'admin', password: PASSWORD },
    });
    expect(setup.status).toBe(201);
    token = (
      await api(gateway.controlUrl, 'POST', '/api/auth/login', {
        body: { username: 'admin', password: PASSWORD },
      })
    ).json.accessToken;
  }, 30_000);

  afterAll(async () => {
    await pool?.destroy();
    await gateway?.stop();
    await Promise.all([upstream?.close(), llm?.close()]);
    receiver?.server.close();
  });

  const hit = async (
    path: string,
    ip: string,
    userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
  ) => {
    const reply = await pool.request({
      method: 'GET',
      path,
      headers: { 'x-forwarded-for': ip, 'user-agent': userAgent },
    });
    await reply.body.dump();
    return reply.statusCode;
  };

  it('makes one incident of a campaign, decides about its addresses only, and sends one alert', async () => {
    for (const ip of VISITORS)
      for (const path of ['/', '/products', '/about']) expect(await hit(path, ip)).toBe(200);
    for (const ip of SCANNERS)
      expect(await hit(`/search?q=${encodeURIComponent("1' union select password from users--")}`, ip)).toBe(
        403,
      );

    await expect
      .poll(
        async () =>
          (await api(gateway.controlUrl, 'GET', '/api/incidents', { token })).json.incidents.filter(
            (i: { clients: string[] }) => i.clients.length >= 5,
          ).length,
        { timeout: 15_000 },
      )
      .toBe(1);
    const incidents = (await api(gateway.controlUrl, 'GET', '/api/incidents', { token })).json.incidents;
    const campaign = incidents.find((i: { clients: string[] }) => i.clients.length >= 5);
    expect(campaign.clients.every((ip: string) => SCANNERS.includes(ip))).toBe(true);
    for (const incident of incidents)
      for (const ip of incident.clients as string[]) expect(VISITORS).not.toContain(ip);

    const decided = (await api(gateway.controlUrl, 'GET', '/api/decisions', { token })).json.decisions as {
      value: string;
    }[];
    for (const d of decided) expect(VISITORS).not.toContain(d.value);
    expect(decided.length).toBeGreaterThan(0);

    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    // A hundred more attacks of the same wave, from new addresses, are folded into its alert, not sent again.
    for (const ip of LATECOMERS)
      expect(await hit(`/search?q=${encodeURIComponent("2' or 1=1--")}`, ip)).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const groups = receiver.received.map((r) => r.body.groupKey);
    expect(groups).toEqual([...new Set(groups)]);
    expect(receiver.received.map((r) => r.body.rule)).toContain('attack-wave');
  });

  it('summarizes the incident through the model, and answers questions with a validated query', async () => {
    const incidents = (await api(gateway.controlUrl, 'GET', '/api/incidents', { token })).json.incidents;
    const summary = await api(gateway.controlUrl, 'POST', `/api/incidents/${incidents[0].id}/summary`, {
      token,
    });
    expect(summary.status).toBe(200);
    expect(summary.json).toMatchObject({
      source: 'llm',
      summary: expect.stringContaining('scanner campaign'),
    });

    const asked = await api(gateway.controlUrl, 'POST', '/api/events/ask', {
      token,
      body: { question: 'blocked requests from 203.0.113.7 in the last hour' },
    });
    expect(asked.status).toBe(200);
    expect(asked.json.query).toMatchObject({ client: '203.0.113.7', action: 'block' });
    expect(asked.json.events.length).toBeGreaterThan(0);
    for (const event of asked.json.events) expect(event.client.ip).toBe('203.0.113.7');
    // What reached the model carried no address of the sites' clients.
    for (const request of llm.received) expect(request.body).not.toContain('198.51.100.');

    const status = await api(gateway.controlUrl, 'GET', '/api/brain', { token });
    expect(status.json.agents.map((a: { id: string; state: string }) => a.state)).toEqual(
      status.json.agents.map(() => 'running'),
    );
    expect(status.json.analyst.answers.llm).toBeGreaterThanOrEqual(2);
  });

  it('answers from rules when no model is configured, and keeps the analysis to analysts', async () => {
    llm.model = () => ({ status: 500, message: 'down' });
    const asked = await api(gateway.controlUrl, 'POST', '/api/events/ask', {
      token,
      body: { question: 'blocked requests from 203.0.113.9 in the last hour' },
    });
    expect(asked.json).toMatchObject({ source: 'rules', query: { client: '203.0.113.9' } });
    const anonymous = await api(gateway.controlUrl, 'POST', '/api/events/ask', {
      body: { question: 'anything' },
    });
    expect(anonymous.status).toBe(401);
  });
});
