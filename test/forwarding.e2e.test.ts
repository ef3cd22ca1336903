import { Agent } from 'node:http';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteSource } from './helpers/byte-stream.js';
import { baseConfig, LOOPBACK_LISTENER } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { json, send } from './helpers/http-client.js';
import { type EchoReply, startUpstream, type Upstream } from './helpers/upstream.js';

/** Yields the parts 20 ms apart, as a client that sends its body as it produces it. */
async function* slowly(parts: readonly string[]): AsyncGenerator<string> {
  for (const part of parts) {
    yield part;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('forwarding through the gateway', () => {
  let upstream: Upstream;
  let gateway: InProcessGateway;

  beforeAll(async () => {
    upstream = await startUpstream();
    gateway = await startInProcess(baseConfig(upstream.url));
  });

  afterAll(async () => {
    await gateway?.stop();
    await upstream?.close();
  });

  it('sets X-Forwarded-* and Forwarded, dropping what an untrusted client claims', async () => {
    const res = await send(`${gateway.url}/who?x=1`, {
      headers: {
        'x-forwarded-for': '203.0.113.9',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'evil.test',
        forwarded: 'for=203.0.113.9;proto=https',
      },
    });
    expect(res.status).toBe(200);
    const seen = json<EchoReply>(res);
    expect(seen.url).toBe('/who?x=1');
    expect(seen.headers.host).toBe(`127.0.0.1:${gateway.port}`);
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['x-forwarded-proto']).toBe('http');
    expect(seen.headers['x-forwarded-host']).toBe(`127.0.0.1:${gateway.port}`);
    expect(seen.headers.forwarded).toBe(`for=127.0.0.1;proto=http;host="127.0.0.1:${gateway.port}"`);
  });

  it('keeps and extends the forwarding headers of a trusted proxy', async () => {
    const trusting = {
      ...baseConfig(upstream.url),
      server: { listeners: [LOOPBACK_LISTENER], trustedProxies: ['127.0.0.1'] },
    };
    expect(await gateway.reload(trusting)).toBe(true);
    try {
      const res = await send(`${gateway.url}/who`, {
        headers: {
          'x-forwarded-for': '203.0.113.9',
          'x-forwarded-proto': 'https',
          forwarded: 'for=203.0.113.9',
        },
      });
      const seen = json<EchoReply>(res).headers;
      expect(seen['x-forwarded-for']).toBe('203.0.113.9, 127.0.0.1');
      expect(seen['x-forwarded-proto']).toBe('https');
      expect(seen.forwarded).toBe(
        `for=203.0.113.9, for=127.0.0.1;proto=http;host="127.0.0.1:${gateway.port}"`,
      );
    } finally {
      expect(await gateway.reload(baseConfig(upstream.url))).toBe(true);
    }
  });

  it('removes hop-by-hop request headers, and those the Connection header names', async () => {
    const res = await send(`${gateway.url}/hop-request`, {
      headers: {
        connection: 'close, x-hop-secret',
        'x-hop-secret': 'for the gateway only',
        'keep-alive': 'timeout=30',
        te: 'trailers',
        'proxy-authorization': 'Basic Zm9vOmJhcg==',
        'x-end-to-end': 'kept',
      },
    });
    const seen = json<EchoReply>(res).headers;
    expect(seen['x-end-to-end']).toBe('kept');
    expect(seen['x-hop-secret']).toBeUndefined();
    expect(seen['keep-alive']).toBeUndefined();
    expect(seen.te).toBeUndefined();
    expect(seen['proxy-authorization']).toBeUndefined();
    expect(seen.connection ?? '').not.toContain('x-hop-secret');
  });

  it('removes hop-by-hop response headers', async () => {
    const res = await send(`${gateway.url}/hop`);
    expect(res.status).toBe(200);
    expect(res.body).toBe('ok');
    expect(res.headers['x-end-to-end']).toBe('kept');
    expect(res.headers['x-upstream-hop']).toBeUndefined();
    expect(res.headers['proxy-authenticate']).toBeUndefined();
    expect(res.headers['keep-alive']).not.toBe('timeout=99');
  });

  it('gives each request an id, sent to the upstream and returned to the client', async () => {
    const res = await send(`${gateway.url}/id`, { headers: { 'x-request-id': 'chosen-by-the-client' } });
    const id = res.headers['x-request-id'];
    expect(id).toMatch(UUID);
    expect(json<EchoReply>(res).headers['x-request-id']).toBe(id);
    const other = await send(`${gateway.url}/id`);
    expect(other.headers['x-request-id']).toMatch(UUID);
    expect(other.headers['x-request-id']).not.toBe(id);
  });

  it('passes a small chunked request body through intact', async () => {
    const res = await send(`${gateway.url}/upload`, {
      method: 'POST',
      body: Readable.from(['alpha,', 'beta,', 'gamma']),
    });
    const seen = json<EchoReply>(res);
    // A body that fits in the inspected prefix may reach the upstream with a Content-Length instead.
    expect(seen.body).toBe('alpha,beta,gamma');
    expect(seen.bodyBytes).toBe(16);
  });

  it('streams a chunked request body larger than the inspected prefix as chunked', async () => {
    const part = 40_000;
    const res = await send(`${gateway.url}/upload`, {
      method: 'POST',
      body: Readable.from(slowly(['a', 'b', 'c'].map((letter) => letter.repeat(part)))),
    });
    const seen = json<EchoReply>(res);
    expect(seen.headers['transfer-encoding']).toBe('chunked');
    expect(seen.headers['content-length']).toBeUndefined();
    expect(seen.bodyBytes).toBe(3 * part);
    expect(seen.body).toBe('a'.repeat(part) + 'b'.repeat(64 * 1024 - part));
  });

  it('passes chunked response bodies through, small and large', async () => {
    const small = await send(`${gateway.url}/chunks`);
    expect(small.headers['transfer-encoding']).toBe('chunked');
    expect(small.body).toBe('one,two,three');
    const size = 5 * 1024 * 1024;
    const large = await send(`${gateway.url}/bytes?n=${size}&chunked=1`);
    expect(large.headers['transfer-encoding']).toBe('chunked');
    expect(large.bytes).toBe(size);
  });

  it('carries request and response bodies of exactly the declared length', async () => {
    const size = 3 * 1024 * 1024 + 17;
    const res = await send(`${gateway.url}/upload`, {
      method: 'PUT',
      headers: { 'content-length': size },
      body: byteSource(size),
    });
    const seen = json<EchoReply>(res);
    expect(seen.method).toBe('PUT');
    expect(seen.bodyBytes).toBe(size);
    expect(seen.headers['content-length']).toBe(String(size));
  });

  it('reuses one client connection and one upstream connection for a run of requests', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const before = upstream.connections;
      const sockets = new Set<Socket>();
      for (let i = 0; i < 6; i++) {
        const method = i % 2 === 0 ? 'GET' : 'POST';
        const res = await send(`${gateway.url}/keep-alive/${i}`, {
          agent,
          method,
          ...(method === 'POST' ? { body: Readable.from([`chunk ${i}`]) } : {}),
        });
        expect(res.status).toBe(200);
        expect(json<EchoReply>(res).url).toBe(`/keep-alive/${i}`);
        sockets.add(res.socket);
      }
      expect(sockets.size).toBe(1);
      // The gateway's pool may still hold a connection from an earlier test: at most one is new.
      expect(upstream.connections - before).toBeLessThanOrEqual(1);
    } finally {
      agent.destroy();
    }
  });
});

describe('a standing decision to block a client', () => {
  let upstream: Upstream;
  let gateway: InProcessGateway;

  beforeAll(async () => {
    upstream = await startUpstream();
    gateway = await startInProcess({
      ...baseConfig(upstream.url),
      defend: {
        decisions: [
          { scope: 'ip', value: '127.0.0.1', action: 'block', reason: 'operator-note-abuse-case-42' },
        ],
      },
      logging: { level: 'info', access: 'blocked' },
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await upstream?.close();
  });

  it('answers 403 with no detail in the body, and never reaches the upstream', async () => {
    for (const method of ['GET', 'POST']) {
      const res = await send(`${gateway.url}/admin?id=1`, {
        method,
        ...(method === 'POST' ? { body: 'a=1' } : {}),
      });
      expect(res.status).toBe(403);
      const id = res.headers['x-request-id'] as string;
      expect(id).toMatch(UUID);
      // Only the status and the request id: nothing of the decision, its reason or the rule.
      expect(res.body).toBe(`403 Forbidden\nrequest id: ${id}\n`);
      expect(res.headers['x-upstream']).toBeUndefined();
    }
    expect(upstream.seen).toHaveLength(0);
    // The reason is for operators: it is in the log, under the request id.
    const line = gateway.logs.find((entry) => entry.msg === 'request' && entry.status === 403);
    expect(line).toMatchObject({ action: 'block', reason: 'decision/ban', client: '127.0.0.1' });
  });
});
