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

function fetchChunks(url: string): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(chunks));
    }).on('error', reject);
  });
}

describe('tarpit', () => {
  it('drips a body a few bytes per interval, whole and in order', async () => {
    const body = 'x'.repeat(50) + 'y'.repeat(50);
    const held: number[] = [];
    tarpit = createTarpit({ bytesPerInterval: 10, intervalMs: 10, maxConnections: 5, maxHoldMs: 60_000 });
    const t = tarpit;
    const url = await serve((res) => {
      res.writeHead(200, { 'content-length': body.length });
      expect(t.hold(res, body, (ms) => held.push(ms))).toBe(true);
    });
    const chunks = await fetchChunks(url);
    expect(Buffer.concat(chunks).toString()).toBe(body);
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    expect(held).toHaveLength(1);
    expect(held[0]!).toBeGreaterThanOrEqual(50);
    expect(tarpit.size).toBe(0);
  });

  it('refuses past its cap, so the caller answers at once', async () => {
    tarpit = createTarpit({ bytesPerInterval: 1, intervalMs: 1000, maxConnections: 1, maxHoldMs: 60_000 });
    const t = tarpit;
    const answers: boolean[] = [];
    const url = await serve((res) => {
      res.writeHead(200, { 'content-length': 2 });
      const ok = t.hold(res, 'ab', () => {});
      answers.push(ok);
      if (!ok) res.end('ab');
    });
    const first = fetchChunks(url);
    await new Promise((r) => setTimeout(r, 50));
    const second = await fetchChunks(url);
    expect(Buffer.concat(second).toString()).toBe('ab');
    expect(answers).toEqual([true, false]);
    tarpit.close();
    expect(Buffer.concat(await first).toString()).toBe('ab');
  });

  it('ends a response held for longer than maxHoldMs, and forgets a client that leaves', async () => {
    tarpit = createTarpit({ bytesPerInterval: 1, intervalMs: 10, maxConnections: 5, maxHoldMs: 40 });
    const t = tarpit;
    const body = 'z'.repeat(1000);
    const url = await serve((res) => {
      res.writeHead(200, { 'content-length': body.length });
      t.hold(res, body, () => {});
    });
    const chunks = await fetchChunks(url);
    expect(Buffer.concat(chunks).length).toBe(1000);
    expect(tarpit.size).toBe(0);
  });
});
