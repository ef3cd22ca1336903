import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { send } from './helpers/http-client.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

/** Sends half a request head and waits for the gateway to give up on it; resolves to what it answered. */
function slowClient(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(answer));
    socket.write('GET / HTTP/1.1\r\nHost: app\r\nX-Slow: ');
  });
}

describe('slow clients', () => {
  let upstream: Upstream;
  let gateway: InProcessGateway;

  beforeAll(async () => {
    upstream = await startUpstream();
    gateway = await startInProcess({
      ...baseConfig(upstream.url),
      server: { listeners: [{ host: '127.0.0.1', port: 0 }], timeouts: { headersMs: 300, requestMs: 0 } },
      defend: {
        scenarios: [{ name: 'slow-clients', statuses: [408], capacity: 1, leakMs: 60_000, banMs: 60_000 }],
      },
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await upstream?.close();
  });

  it('are banned once their timed-out heads overflow the scenario', async () => {
    expect((await send(`${gateway.url}/`)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect(await slowClient(gateway.port)).toMatch(/^HTTP\/1\.1 408/);
    expect((await send(`${gateway.url}/`)).status).toBe(403);
  });
});
