import { once } from 'node:events';
import { createServer, get, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTarpit, type Tarpit } from './tarpit.js';

let tarpit: Tarpit | undefined;
const servers: ReturnType<typeof createServer>[] = [];

afterEach(async () => {
  tarpit?.close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function serve(onResponse: (res: ServerResponse) => void): Promise<string> {
  const server = createServer((_req, res) => onResponse(res));
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function fetchChunks(url: string, headers: Record<string, string> = {}): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(chunks));
      res.on('error', reject);
    }).on('error', reject);
  });
}

const head = (body: string) => ({ 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });

describe('tarpit', () => {
  it('drips a body a few characters per interval, whole and in order, then closes', async () => {
    const body = `${'x'.repeat(50)}${'y'.repeat(40)}é😀${'z'.repeat(7)}`;
    const held: number[] = [];
    tarpit = createTarpit({ bytesPerInterval: 10, intervalMs: 10, maxConnections: 5, maxHoldMs: 60_000 });
    const t = tarpit;
    const url = await serve((res) => {
      expect(t.hold(res, head(body), 200, body, (ms) => held.push(ms))).toBe(true);
    });
    for (const connection of ['keep-alive', 'close']) {
      const chunks = await fetchChunks(url, { connection });
      expect(Buffer.concat(chunks).toString()).toBe(body);
      expect(chunks.length).toBeGreaterThanOrEqual(5);
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(held).toHaveLength(2);
    expect(held[0]!).toBeGreaterThanOrEqual(50);
    expect(tarpit.size).toBe(0);
  });

  it('refuses past its cap without writing, so the caller answers at once', async () => {
    tarpit = createTarpit({ bytesPerInterval: 1, intervalMs: 1000, maxConnections: 1, maxHoldMs: 60_000 });
    const t = tarpit;
    const answers: boolean[] = [];
    const url = await serve((res) => {
      const ok = t.hold(res, head('ab'), 200, 'ab', () => {});
      answers.push(ok);
      if (!ok) {
        res.writeHead(200, head('ab'));
        res.end('ab');
      }
    });
    const first = fetchChunks(url);
    await new Promise((r) => setTimeout(r, 50));
    const second = await fetchChunks(url);
    expect(Buffer.concat(second).toString()).toBe('ab');
    expect(answers).toEqual([true, false]);
    tarpit.close();
    expect(Buffer.concat(await first).toString()).toBe('ab');
  });

  it('ends a response held for longer than maxHoldMs with the rest of its body', async () => {
    tarpit = createTarpit({ bytesPerInterval: 1, intervalMs: 10, maxConnections: 5, maxHoldMs: 40 });
    const t = tarpit;
    const body = 'z'.repeat(1000);
    const url = await serve((res) => {
      t.hold(res, head(body), 200, body, () => {});
    });
    const chunks = await fetchChunks(url);
    expect(Buffer.concat(chunks).length).toBe(1000);
    expect(tarpit.size).toBe(0);
  });

  it('keeps a connection past the server keep-alive timeout while it drips', async () => {
    tarpit = createTarpit({ bytesPerInterval: 5, intervalMs: 40, maxConnections: 5, maxHoldMs: 60_000 });
    const t = tarpit;
    const body = 'k'.repeat(30);
    const url = await serve((res) => {
      t.hold(res, head(body), 200, body, () => {});
    });
    servers[0]!.keepAliveTimeout = 50;
    const chunks = await fetchChunks(url);
    expect(Buffer.concat(chunks).toString()).toBe(body);
  });
});
