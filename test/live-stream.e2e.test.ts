import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { api, firstAdmin } from './helpers/control-client.js';
import { baseConfig } from './helpers/gateway-config.js';
import { type GatewayProcess, spawnGateway } from './helpers/gateway-process.js';
import { send } from './helpers/http-client.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

const MAX_BUFFERED = 64 * 1024;

let upstream: Upstream;
let gateway: GatewayProcess;
let token: string;

const rssKiB = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

/** Opens the live stream; resolves once the server's hello arrived. */
function connect(query: string, credential = token): Promise<{ ws: WebSocket; messages: unknown[] }> {
  const wsUrl = `${gateway.controlUrl.replace('http', 'ws')}/api/stream${query}`;
  const ws = new WebSocket(wsUrl, ['infinisec.v1', `bearer.${credential}`]);
  const messages: unknown[] = [];
  return new Promise((resolve, reject) => {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data));
      messages.push(message);
      if (message.type === 'hello') resolve({ ws, messages });
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

beforeAll(async () => {
  upstream = await startUpstream();
  gateway = await spawnGateway({
    ...baseConfig(upstream.url),
    control: { host: '127.0.0.1', port: 0, streamMaxBufferedBytes: MAX_BUFFERED },
    // Stored events would grow the memory store; this test measures the stream alone.
    store: { driver: 'memory', events: { enabled: false } },
  });
  token = await firstAdmin(gateway.controlUrl, gateway.stderr);
}, 60_000);

afterAll(async () => {
  await gateway?.cleanup();
  await upstream?.close();
});

describe('live event stream', () => {
  it('refuses a client without a valid credential', async () => {
    await expect(connect('', 'not-a-token')).rejects.toThrow(/401/);
  });

  it('sends events as they happen, filtered on the server', async () => {
    const all = await connect('');
    const attacks = await connect('?category=sqli');
    await send(`${gateway.url}/plain-page`);
    await send(`${gateway.url}/search?q=1'%20union%20select%20password%20from%20users--`);
    await new Promise((r) => setTimeout(r, 300));
    const paths = (c: { messages: unknown[] }) =>
      c.messages
        .filter((m) => (m as { type: string }).type === 'event')
        .map((m) => (m as { event: { request: { path: string } } }).event.request.path);
    expect(paths(all)).toEqual(['/plain-page', '/search']);
    expect(paths(attacks)).toEqual(['/search']);
    all.ws.close();
    attacks.ws.close();
  });

  it('disconnects a client that stops reading, and the gateway memory stays flat', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    const longPath = `/browse/${'x'.repeat(6000)}`;
    const burst = () =>
      Promise.all(Array.from({ length: 64 }, () => send(`${gateway.url}${longPath}`, { agent })));
    // Warm up first, so that what is measured is the stream, not the first requests' allocations.
    for (let i = 0; i < 10; i++) await burst();
    const slow = await connect('');
    const reader = await connect('?category=sqli');
    // The slow client stops reading: its socket is paused, so the kernel buffers fill, then the server's.
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const before = rssKiB(gateway.pid);
    let dropped = false;
    const deadline = Date.now() + 60_000;
    for (let round = 0; round < 200 && !dropped && Date.now() < deadline; round++) {
      await burst();
      const metrics = await api(gateway.controlUrl, 'GET', '/metrics', { token });
      dropped = /infinisec_stream_dropped_total (\d+)/.exec(metrics.text)?.[1] === '1';
    }
    expect(dropped).toBe(true);
    // Traffic goes on after the drop, ~40 MB of events in all: nothing piles up for the client that is gone.
    for (let i = 0; i < 100; i++) await burst();
    agent.destroy();
    const after = rssKiB(gateway.pid);
    // Bounded by the stream's limit, not by what was sent: buffering it would have cost more than 40 MB.
    expect(after - before).toBeLessThan(24 * 1024);
    // A client that keeps reading stays connected.
    await send(`${gateway.url}/search?q=1'%20union%20select%20password%20from%20users--`);
    await new Promise((r) => setTimeout(r, 300));
    expect(reader.ws.readyState).toBe(WebSocket.OPEN);
    expect(reader.messages.some((m) => (m as { type: string }).type === 'event')).toBe(true);
    reader.ws.close();
    slow.ws.terminate();
  }, 90_000);
});
