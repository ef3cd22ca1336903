import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RawData, WebSocket, WebSocketServer } from 'ws';
import { baseConfig } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { REFUSED_PORT } from './helpers/upstream.js';

/** A WebSocket server on a free loopback port that echoes every message, recording each handshake. */
async function startEchoServer(): Promise<{
  url: string;
  handshakes: IncomingMessage[];
  close(): Promise<void>;
}> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const handshakes: IncomingMessage[] = [];
  server.on('connection', (socket, req) => {
    handshakes.push(req);
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    handshakes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Sends each message and collects as many answers. */
function exchange(socket: WebSocket, messages: readonly (string | Buffer)[]): Promise<RawData[]> {
  return new Promise((resolve, reject) => {
    const answers: RawData[] = [];
    const onMessage = (data: RawData) => {
      answers.push(data);
      if (answers.length === messages.length) {
        socket.off('message', onMessage);
        resolve(answers);
      }
    };
    socket.on('message', onMessage);
    socket.once('error', reject);
    for (const message of messages) socket.send(message);
  });
}

/** The status of a handshake the gateway refuses (fails if it is accepted). */
function upgradeStatus(port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/`, { headers: { host } });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      socket.terminate();
      reject(new Error(`the upgrade for ${host} should have been refused`));
    });
    socket.once('error', reject);
  });
}

describe('WebSocket through the gateway', () => {
  let echo: Awaited<ReturnType<typeof startEchoServer>>;
  let gateway: InProcessGateway;

  beforeAll(async () => {
    echo = await startEchoServer();
    gateway = await startInProcess({
      ...baseConfig(echo.url),
      sites: [
        { name: 'app', hosts: ['127.0.0.1'], upstream: { targets: [echo.url] } },
        {
          name: 'gone',
          hosts: ['gone.test'],
          upstream: { targets: [`http://127.0.0.1:${REFUSED_PORT}`] },
        },
      ],
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await echo?.close();
  });

  it('echoes text and binary messages, in order, through the tunnel', async () => {
    const socket = await open(`ws://127.0.0.1:${gateway.port}/chat?room=1`);
    try {
      const binary = Buffer.alloc(1024 * 1024, 7);
      binary.write('start', 0);
      const texts = Array.from({ length: 50 }, (_, i) => `message ${i}`);
      const answers = await exchange(socket, [...texts, binary]);
      expect(answers.slice(0, 50).map(String)).toEqual(texts);
      expect(Buffer.compare(answers[50] as Buffer, binary)).toBe(0);
    } finally {
      socket.close(1000, 'done');
    }
    const code = await new Promise<number>((resolve) => socket.once('close', resolve));
    expect(code).toBe(1000);
  });

  it('sends the upgrade upstream with the path and forwarding headers', async () => {
    const before = echo.handshakes.length;
    const socket = await open(`ws://127.0.0.1:${gateway.port}/socket/path?x=1`);
    socket.terminate();
    const handshake = echo.handshakes[before]!;
    expect(handshake.url).toBe('/socket/path?x=1');
    expect(handshake.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(handshake.headers['x-forwarded-proto']).toBe('http');
    expect(handshake.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 502 when the upstream of the site cannot be reached', async () => {
    expect(await upgradeStatus(gateway.port, 'gone.test')).toBe(502);
  });

  it('refuses an upgrade for an unknown site with 421', async () => {
    expect(await upgradeStatus(gateway.port, 'other.test')).toBe(421);
  });
});
