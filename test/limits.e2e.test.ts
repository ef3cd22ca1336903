import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteSource } from './helpers/byte-stream.js';
import { LOOPBACK_LISTENER } from './helpers/gateway-config.js';
import { type GatewayProcess, spawnGateway } from './helpers/gateway-process.js';
import { json, send } from './helpers/http-client.js';
import { rawExchange, rawRequest } from './helpers/raw-client.js';
import { type EchoReply, REFUSED_PORT, startUpstream, type Upstream } from './helpers/upstream.js';

const MAX_BODY = 1024 * 1024;

/** Waits (5 s at most) for `done` to hold. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}
const HEADERS_MS = 500;

// Each limit is hit against a gateway running as its own process, then the same process must still serve
// a normal request: a limit is an answer, never a crash.
describe('limits and failures answered with their status', () => {
  let upstream: Upstream;
  let gateway: GatewayProcess;

  beforeAll(async () => {
    upstream = await startUpstream();
    const down = `http://127.0.0.1:${REFUSED_PORT}`;
    gateway = await spawnGateway({
      server: {
        listeners: [LOOPBACK_LISTENER],
        limits: { maxBodyBytes: MAX_BODY },
        timeouts: { headersMs: HEADERS_MS },
      },
      sites: [
        {
          name: 'app',
          // No `*`: a request for any other host is misdirected.
          hosts: ['127.0.0.1', 'app.test'],
          upstream: { targets: [upstream.url] },
          routes: [
            { path: '/down', upstream: { targets: [down], connectTimeoutMs: 2000 } },
            { path: '/slow', upstream: { targets: [upstream.url], headersTimeoutMs: 300 } },
          ],
        },
      ],
      control: { host: '127.0.0.1', port: 0 },
      logging: { level: 'silent', access: 'none' },
    });
  });

  afterAll(async () => {
    await gateway?.cleanup();
    await upstream?.close();
  });

  /** After each limit: the process is alive and serves a normal request end to end. */
  const expectStillServing = async () => {
    expect(gateway.child.exitCode).toBeNull();
    const res = await send(`${gateway.url}/normal`, { method: 'POST', body: 'still here' });
    expect(res.status).toBe(200);
    expect(json<EchoReply>(res).body).toBe('still here');
  };

  const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;

  it('431 for a request head over server.limits.maxHeaderBytes', async () => {
    const res = await rawRequest(
      gateway.port,
      head(['GET / HTTP/1.1', 'Host: 127.0.0.1', `X-Big: ${'a'.repeat(20_000)}`]),
    );
    expect(res.status).toBe(431);
    expect(res.text).not.toContain('HPE_');
    await expectStillServing();
  });

  it('413 for a declared Content-Length over the limit, before any body is sent', async () => {
    const seen = upstream.seen.length;
    const res = await rawExchange(gateway.port, async (socket, answered) => {
      socket.write(head(['POST /upload HTTP/1.1', 'Host: 127.0.0.1', `Content-Length: ${MAX_BODY + 1}`]));
      await until(answered);
      socket.end();
    });
    expect(res.status).toBe(413);
    expect(res.text.toLowerCase()).toContain('connection: close');
    expect(upstream.seen.length).toBe(seen);
    await expectStillServing();
  });

  it('413 for a body over the limit that the client is still sending', async () => {
    // The client does not wait for an answer before sending its body, as most clients do not: the gateway
    // must still get its 413 across rather than reset the connection under the upload.
    const framings: Record<string, number>[] = [{ 'content-length': 2 * MAX_BODY }, {}];
    for (const headers of framings) {
      const res = await send(`${gateway.url}/upload`, {
        method: 'POST',
        headers,
        body: byteSource(2 * MAX_BODY),
      });
      expect(res.status).toBe(413);
      expect(res.headers.connection).toBe('close');
    }
    await expectStillServing();
  });

  it('413 for a chunked body that goes over the limit while it trickles in', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'z');
    let sent = 0;
    const res = await rawExchange(gateway.port, async (socket, answered) => {
      socket.write(head(['POST /upload HTTP/1.1', 'Host: 127.0.0.1', 'Transfer-Encoding: chunked']));
      // Up to twice the limit, and never finished: the answer must come while the body is incomplete.
      for (; sent < 2 * MAX_BODY && !answered() && socket.writable; sent += chunk.length) {
        socket.write(`${chunk.length.toString(16)}\r\n`);
        socket.write(chunk);
        socket.write('\r\n');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await until(answered);
      // What a client does with `Connection: close` once it has its answer.
      socket.end();
    });
    expect(res.status).toBe(413);
    expect(sent).toBeGreaterThan(MAX_BODY);
    await expectStillServing();
  });

  it('400 for a malformed request line', async () => {
    const res = await rawRequest(gateway.port, 'THIS IS NOT HTTP\r\n\r\n');
    expect(res.status).toBe(400);
    // The parser's own error stays in the gateway: the client gets the status and a request id.
    expect(res.text).toMatch(/\r\n\r\n400 Bad Request\nrequest id: [\w-]+\n$/);
    await expectStillServing();
  });

  it('400 for a malformed header', async () => {
    const res = await rawRequest(gateway.port, head(['GET / HTTP/1.1', 'Host: 127.0.0.1', 'Bad Header: x']));
    expect(res.status).toBe(400);
    await expectStillServing();
  });

  it('400 for a request with both Content-Length and Transfer-Encoding (smuggling)', async () => {
    const seen = upstream.seen.length;
    const res = await rawRequest(
      gateway.port,
      `${head(['POST / HTTP/1.1', 'Host: 127.0.0.1', 'Content-Length: 5', 'Transfer-Encoding: chunked'])}0\r\n\r\n`,
    );
    expect(res.status).toBe(400);
    expect(upstream.seen.length).toBe(seen);
    await expectStillServing();
  });

  it('408 for a request head that does not arrive within server.timeouts.headersMs', async () => {
    const res = await rawExchange(
      gateway.port,
      (socket) => void socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n'),
    );
    expect(res.status).toBe(408);
    expect(res.ms).toBeGreaterThanOrEqual(HEADERS_MS - 50);
    expect(res.ms).toBeLessThan(HEADERS_MS + 2000);
    await expectStillServing();
  });

  it('502 when the upstream cannot be reached', async () => {
    const res = await send(`${gateway.url}/down/x`);
    expect(res.status).toBe(502);
    expect(res.body).toBe(`502 Bad Gateway\nrequest id: ${res.headers['x-request-id']}\n`);
    await expectStillServing();
  });

  it('504 when the upstream is slower than its headersTimeoutMs', async () => {
    const started = Date.now();
    const res = await send(`${gateway.url}/slow?ms=3000`);
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(2500);
    await expectStillServing();
  });

  it('421 for a Host no site serves', async () => {
    const res = await send(`${gateway.url}/`, { headers: { host: 'unknown.test' } });
    expect(res.status).toBe(421);
    const known = await send(`${gateway.url}/`, { headers: { host: 'app.test' } });
    expect(known.status).toBe(200);
    await expectStillServing();
  });
});
