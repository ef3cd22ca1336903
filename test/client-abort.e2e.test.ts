import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';

// A client that leaves while the upstream is still thinking must not leave the upstream exchange running.

describe('a client that leaves early', () => {
  let gateway: InProcessGateway;
  const upstreamSawClose: boolean[] = [];
  const upstream = createServer((req, res) => {
    const timer = setTimeout(() => res.end('late'), 3000);
    res.on('close', () => {
      clearTimeout(timer);
      upstreamSawClose.push(!res.writableFinished);
    });
    req.resume();
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const { port } = upstream.address() as AddressInfo;
    gateway = await startInProcess(baseConfig(`http://127.0.0.1:${port}`));
  });
  afterAll(async () => {
    await gateway?.stop();
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  it('cancels the upstream request', async () => {
    const req = request({ host: '127.0.0.1', port: gateway.port, path: '/slow' });
    req.on('error', () => {});
    req.end();
    await new Promise((resolve) => setTimeout(resolve, 300));
    req.destroy();
    const deadline = Date.now() + 2000;
    while (upstreamSawClose.length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(upstreamSawClose).toEqual([true]);
    // The gateway still serves afterwards.
    expect(gateway.app.gateway.length).toBe(1);
  });
});
