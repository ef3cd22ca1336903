import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EchoReport } from './echo.js';
import { type DemoApp, startDemoApp } from './start-demo-app.js';

let app: DemoApp;
beforeAll(async () => {
  app = await startDemoApp();
});
afterAll(() => app.close());

describe('/echo', () => {
  it('describes a GET as the app saw it, headers included', async () => {
    const res = await fetch(`${app.url}/echo?a=1&b=%zz`, {
      headers: { 'x-forwarded-for': '203.0.113.7', 'x-request-id': 'req-123' },
    });
    expect(res.status).toBe(200);
    const report = (await res.json()) as EchoReport;
    expect(report).toMatchObject({ method: 'GET', url: '/echo?a=1&b=%zz', bodyLength: 0 });
    expect(report.headers['x-forwarded-for']).toBe('203.0.113.7');
    expect(report.headers['x-request-id']).toBe('req-123');
    expect(report.remoteAddress).toMatch(/127\.0\.0\.1/);
  });

  it('counts the bytes of a POST body, even one far over the buffering limit', async () => {
    const body = new Uint8Array(3 * 1024 * 1024 + 5);
    const res = await fetch(`${app.url}/echo`, { method: 'POST', body });
    const report = (await res.json()) as EchoReport;
    expect(report.method).toBe('POST');
    expect(report.bodyLength).toBe(body.length);
    expect(report.headers['content-length']).toBe(String(body.length));
  });

  it('answers other body-carrying methods too', async () => {
    const res = await fetch(`${app.url}/echo`, { method: 'PUT', body: 'héllo' });
    expect(((await res.json()) as EchoReport).bodyLength).toBe(6);
  });
});
