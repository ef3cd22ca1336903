import { readFileSync } from 'node:fs';
import type { TLSSocket } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { json, send } from './helpers/http-client.js';
import { type EchoReply, startUpstream, type Upstream } from './helpers/upstream.js';

const TLS_DIR = new URL('./fixtures/tls/', import.meta.url);
const cert = fileURLToPath(new URL('cert.pem', TLS_DIR));
const key = fileURLToPath(new URL('key.pem', TLS_DIR));

describe('HTTPS listener', () => {
  let upstream: Upstream;
  let gateway: InProcessGateway;
  const ca = readFileSync(cert);

  beforeAll(async () => {
    upstream = await startUpstream();
    gateway = await startInProcess({
      ...baseConfig(upstream.url),
      server: { listeners: [{ host: '127.0.0.1', port: 0, tls: { cert, key } }] },
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await upstream?.close();
  });

  it('serves a request over TLS with the configured certificate', async () => {
    expect(gateway.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await send(`https://localhost:${gateway.port}/secure?x=1`, {
      method: 'POST',
      body: 'over tls',
      ca,
    });
    expect(res.status).toBe(200);
    const socket = res.socket as TLSSocket;
    expect(socket.encrypted).toBe(true);
    expect(socket.getPeerCertificate().subject.CN).toBe('localhost');
    const seen = json<EchoReply>(res);
    expect(seen.url).toBe('/secure?x=1');
    expect(seen.body).toBe('over tls');
    expect(seen.headers['x-forwarded-proto']).toBe('https');
    expect(seen.headers.forwarded).toContain('proto=https');
  });

  it('speaks only TLS on that listener: a plain HTTP request is cut', async () => {
    const outcome = await send(`http://127.0.0.1:${gateway.port}/`).then(
      (reply) => `status ${reply.status}`,
      (err: NodeJS.ErrnoException) => err.code ?? err.message,
    );
    expect(outcome).toBe('ECONNRESET');
    expect(upstream.seen.every((r) => r.url !== '/')).toBe(true);
  });

  it('is refused by a client that does not trust the test CA', async () => {
    const outcome = await send(`https://localhost:${gateway.port}/`).then(
      (reply) => `status ${reply.status}`,
      (err: NodeJS.ErrnoException) => err.code ?? err.message,
    );
    expect(outcome).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});
