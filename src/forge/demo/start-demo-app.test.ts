import { Agent, get, request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isInfinisecError } from '../../core/errors.js';
import { startDemoApp } from './start-demo-app.js';

describe('startDemoApp', () => {
  it('listens on a free port of 127.0.0.1 by default', async () => {
    const app = await startDemoApp();
    try {
      expect(app.port).toBeGreaterThan(0);
      expect(app.url).toBe(`http://127.0.0.1:${app.port}`);
      expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('closes promptly while a keep-alive connection is open, and closing twice is fine', async () => {
    const app = await startDemoApp();
    const agent = new Agent({ keepAlive: true });
    try {
      let keepAlive: string | undefined;
      const socketClosed = new Promise<void>((resolve, reject) => {
        const req = get(`${app.url}/api/health`, { agent }, (res) => {
          keepAlive = res.headers.connection;
          res.resume();
        });
        req.on('error', reject);
        // The socket outlives the response in the agent's pool until the server drops it.
        req.on('socket', (socket) => socket.once('close', () => resolve()));
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(keepAlive).toBe('keep-alive');
      const started = Date.now();
      await app.close();
      await socketClosed;
      // Well under the 5 s keep-alive timeout the client would otherwise sit out.
      expect(Date.now() - started).toBeLessThan(1000);
      await expect(app.close()).resolves.toBeUndefined();
      await expect(fetch(`${app.url}/api/health`)).rejects.toThrow();
    } finally {
      agent.destroy();
    }
  });

  it('closes promptly while a request is still in flight', async () => {
    const app = await startDemoApp();
    const req = request(`${app.url}/echo`, { method: 'POST', headers: { 'transfer-encoding': 'chunked' } });
    const failed = new Promise<Error>((resolve) => req.on('error', resolve));
    // Half a body: without closeAllConnections() the server would wait for the rest until its timeout.
    req.write('partial body');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await failed).message).toMatch(/socket hang up|ECONNRESET/);
  });

  it('rejects with INFINISEC_ERR_LISTEN when the port is taken', async () => {
    const first = await startDemoApp();
    try {
      const error = await startDemoApp({ port: first.port }).catch((err: unknown) => err);
      expect(isInfinisecError(error, 'INFINISEC_ERR_LISTEN')).toBe(true);
    } finally {
      await first.close();
    }
  });
});
