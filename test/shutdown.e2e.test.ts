import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig } from './helpers/gateway-config.js';
import { type GatewayProcess, spawnGateway } from './helpers/gateway-process.js';
import { send } from './helpers/http-client.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

/** Resolves to the error code of a TCP connection attempt, or 'connected'. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });
}

async function until<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const value = await probe();
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('graceful shutdown on SIGTERM', () => {
  let upstream: Upstream | undefined;
  let gateway: GatewayProcess | undefined;

  afterEach(async () => {
    await gateway?.cleanup();
    await upstream?.close();
    gateway = undefined;
    upstream = undefined;
  });

  it('finishes the request in flight, refuses new connections, and exits 0', {
    timeout: 30_000,
  }, async () => {
    upstream = await startUpstream();
    gateway = await spawnGateway(baseConfig(upstream.url));
    const running = gateway;

    const inFlight = send(`${running.url}/slow?ms=1500`);
    await until(
      async () => upstream!.seen.some((r) => r.url.startsWith('/slow')),
      Boolean,
      'the slow request to reach the upstream',
    );
    running.child.kill('SIGTERM');

    // The control listener stays up while the gateway drains, and says so.
    await until(
      () => send(`${running.controlUrl}/readyz`).then((res) => res.status),
      (status) => status === 503,
      '/readyz to report draining',
    );
    expect(await tryConnect(running.port)).toBe('ECONNREFUSED');
    expect(running.child.exitCode).toBeNull();

    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.body).toBe('slow done');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    // Nothing but the one-time setup notice of a store with no users.
    expect(
      running.stderr().replace(/^infinisec: no users yet\.[^\n]*\n[^\n]*one-time token: \S+\n/, ''),
    ).toBe('');
  });

  it('exits 0 on SIGTERM when idle', async () => {
    upstream = await startUpstream();
    gateway = await spawnGateway(baseConfig(upstream.url));
    expect((await send(`${gateway.url}/`)).status).toBe(200);
    const started = Date.now();
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
