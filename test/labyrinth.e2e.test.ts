import { once } from 'node:events';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../src/config/index.js';
import { baseConfig } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { send } from './helpers/http-client.js';

const PAGE =
  '<!doctype html><html><head><title>Shop</title></head><body><h1>Welcome</h1><p>Hello.</p></body></html>';

/** The protected site: HTML plain, gzip-encoded and chunked, a robots.txt, and a record of what reached it. */
async function startSite(): Promise<{ url: string; server: Server; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/gz') {
      const body = gzipSync(PAGE);
      res.writeHead(200, {
        'content-type': 'text/html',
        'content-encoding': 'gzip',
        'content-length': body.length,
      });
      res.end(body);
    } else if (path === '/chunked') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(PAGE.slice(0, 70));
      setTimeout(() => res.end(PAGE.slice(70)), 5);
    } else if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nDisallow: /private/\n');
    } else if (path === '/data.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    } else {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(PAGE) });
      res.end(PAGE);
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, seen };
}

function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

// Each simulated client has its own address, given by the (trusted) loopback proxy.
const as = (ip: string, extra: Record<string, string> = {}) => ({
  'x-forwarded-for': ip,
  'user-agent': 'Mozilla/5.0 test',
  ...extra,
});
const TRAP_LINK = /<a href="(\/library\/[^"]+)" rel="nofollow[^"]*"/g;

describe('labyrinth through the gateway', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let gateway: InProcessGateway;

  beforeAll(async () => {
    site = await startSite();
    const config: ConfigInput = {
      ...baseConfig(site.url),
      server: { listeners: [{ host: '127.0.0.1', port: 0 }], trustedProxies: ['127.0.0.1'] },
      defend: { decisions: [{ scope: 'ip', value: '192.0.2.50', action: 'allow', reason: 'office' }] },
      logging: { level: 'info', access: 'none' },
      labyrinth: {
        enabled: true,
        secret: 'test-secret-0123456789abcdef',
        tarpit: { enabled: false },
        trapLinks: { enabled: true, prefix: '/library/', count: 3 },
        goodBots: { userAgents: ['GoodBot'], ranges: ['192.0.2.200/32'] },
        canaries: { action: 'block', banMs: 60_000 },
      },
    };
    gateway = await startInProcess(config);
  });

  afterAll(async () => {
    await gateway?.stop();
    site?.server.close();
  });

  it('sends an SQL injection into database decoys, and keeps the client there', async () => {
    const before = site.seen.length;
    const attack = await send(
      `${gateway.url}/search?q=${encodeURIComponent("1' union select username,password from users--")}`,
      {
        headers: as('198.51.100.1'),
      },
    );
    expect(attack.status).toBeLessThan(600);
    expect(attack.headers['x-request-id']).toBeDefined();
    expect(attack.body).not.toMatch(/sqli|detector|infinisec|labyrinth/i);
    expect(attack.body.toLowerCase()).toMatch(/sql|syntax|database|select/);
    const next = await send(`${gateway.url}/products`, { headers: as('198.51.100.1') });
    expect(next.body).not.toContain('Welcome');
    expect(site.seen.length).toBe(before);
    const [session] = await gateway.app.intruders.list({ limit: 10 });
    expect(session).toMatchObject({ strategy: 'sql', reason: 'detector/sqli', pages: 2 });
    expect(session!.client.ip).toBe('198.51.100.1');
    // Same URL, same bytes: a revisiting crawler sees a stable site.
    const again = await send(`${gateway.url}/products`, { headers: as('198.51.100.1') });
    expect(again.body).toBe(next.body);
  });

  it('recognises a canary replayed from another address and bans that address', async () => {
    await send(`${gateway.url}/download?file=../../../../etc/passwd`, { headers: as('198.51.100.2') });
    const env = await send(`${gateway.url}/.env`, { headers: as('198.51.100.2') });
    const key = env.body.match(/AKIA[A-Z2-7]{16}/)?.[0];
    expect(key, env.body.slice(0, 400)).toBeDefined();
    const [thief] = (await gateway.app.intruders.list({ limit: 10 })).filter(
      (s) => s.client.ip === '198.51.100.2',
    );
    expect(thief?.strategy).toBe('files');
    expect(thief!.canariesIssued).toBeGreaterThan(0);

    const used = await send(`${gateway.url}/data.json`, {
      headers: as('203.0.113.9', {
        authorization: `AWS4-HMAC-SHA256 Credential=${key}/20261124/us-east-1/s3/aws4_request`,
      }),
    });
    expect(used.status).toBe(403);
    expect(used.body).not.toMatch(/canary|AKIA/);
    const warn = gateway.logs.find((l) => l.msg === 'labyrinth: canary used');
    expect(warn).toMatchObject({ intruder: thief!.id, kind: 'aws-key', client: '203.0.113.9' });
    // The decision outlives the request: the address stays banned, even for a harmless request.
    const later = await send(`${gateway.url}/data.json`, { headers: as('203.0.113.9') });
    expect(later.status).toBe(403);
    expect((await gateway.app.intruders.get(thief!.id))?.canariesUsed).toBe(1);
  });

  it('hides trap links in plain, gzip and chunked HTML, but not for a verified good bot', async () => {
    for (const path of ['/page', '/chunked']) {
      const reply = await send(`${gateway.url}${path}`, { headers: as('192.0.2.10') });
      expect(reply.status).toBe(200);
      const links = [...reply.body.matchAll(TRAP_LINK)];
      expect(links, path).toHaveLength(3);
      expect(reply.body).toContain('<h1>Welcome</h1>');
      expect(reply.body.indexOf('/library/')).toBeLessThan(reply.body.indexOf('</body>'));
    }
    const gz = await rawGet(`${gateway.url}/gz`, as('192.0.2.10'));
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect([...gunzipSync(gz.body).toString().matchAll(TRAP_LINK)]).toHaveLength(3);

    const bot = await send(`${gateway.url}/page`, {
      headers: as('192.0.2.200', { 'user-agent': 'GoodBot/2.1' }),
    });
    expect(bot.body).toBe(PAGE);
    // The name alone is not enough: a fake GoodBot from elsewhere gets the links.
    const fake = await send(`${gateway.url}/page`, {
      headers: as('192.0.2.201', { 'user-agent': 'GoodBot/2.1' }),
    });
    expect([...fake.body.matchAll(TRAP_LINK)]).toHaveLength(3);
  });

  it("disallows the trap prefix in the upstream's robots.txt", async () => {
    const robots = await send(`${gateway.url}/robots.txt`, { headers: as('192.0.2.10') });
    expect(robots.body).toContain('Disallow: /private/');
    expect(robots.body).toMatch(/User-agent: \*\nDisallow: \/library\//);
  });

  it('traps a crawler that follows a trap link, without reaching the upstream', async () => {
    const page = await send(`${gateway.url}/page`, { headers: as('192.0.2.11') });
    const link = [...page.body.matchAll(TRAP_LINK)][0]![1]!;
    const before = site.seen.length;
    const maze = await send(`${gateway.url}${link}`, { headers: as('192.0.2.11') });
    expect(maze.status).toBe(200);
    expect(maze.headers['content-type']).toMatch(/text\/html/);
    expect(site.seen.length).toBe(before);
    const session = (await gateway.app.intruders.list()).find((s) => s.client.ip === '192.0.2.11');
    expect(session).toMatchObject({ strategy: 'articles', reason: 'labyrinth/trap-link' });
  });

  it('never traps an allow-listed address', async () => {
    const reply = await send(`${gateway.url}/search?q=${encodeURIComponent("1' or 1=1--")}`, {
      headers: as('192.0.2.50'),
    });
    expect(reply.body).toContain('Welcome');
    expect((await gateway.app.intruders.list()).some((s) => s.client.ip === '192.0.2.50')).toBe(false);
  });
});

describe('labyrinth tarpit through the gateway', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let gateway: InProcessGateway;

  beforeAll(async () => {
    site = await startSite();
    gateway = await startInProcess({
      ...baseConfig(site.url),
      server: { listeners: [{ host: '127.0.0.1', port: 0 }], trustedProxies: ['127.0.0.1'] },
      labyrinth: {
        enabled: true,
        secret: 'test-secret-0123456789abcdef',
        trapLinks: { enabled: true },
        tarpit: {
          enabled: true,
          bytesPerInterval: 400,
          intervalMs: 20,
          maxConnections: 100,
          maxHoldMs: 30_000,
        },
      },
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    site?.server.close();
  });

  it('drips a maze page whole, slowly, and counts the time held', async () => {
    const started = Date.now();
    const reply = await send(`${gateway.url}/library/old-notes`, { headers: as('198.51.100.77') });
    const took = Date.now() - started;
    expect(reply.status).toBe(200);
    expect(reply.bytes).toBe(Number(reply.headers['content-length']));
    expect(reply.body).toMatch(/<\/html>\s*$/);
    expect(took).toBeGreaterThanOrEqual(Math.floor(reply.bytes / 400) * 20 - 20);
    await new Promise((r) => setTimeout(r, 50));
    const [session] = await gateway.app.intruders.list();
    expect(session!.heldMs).toBeGreaterThan(0);
  });

  it('still answers other clients at full speed meanwhile', async () => {
    const slow = send(`${gateway.url}/library/more-notes`, { headers: as('198.51.100.78') });
    const started = Date.now();
    const reply = await send(`${gateway.url}/page`, { headers: as('192.0.2.9') });
    expect(reply.body).toContain('<h1>Welcome</h1>');
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await slow).status).toBe(200);
  });
});
