import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../src/config/index.js';
import type { SecurityEvent } from '../src/core/index.js';
import { LOOPBACK_LISTENER } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { send } from './helpers/http-client.js';

const KIB = 1024;
const PREFIX = 64 * KIB;
const FORM = 'application/x-www-form-urlencoded';

/** An upstream that counts the bodies it received whole and the ones cut off before their end. */
interface CountingUpstream {
  readonly url: string;
  readonly whole: number;
  readonly cut: number;
  /** The last whole body received. */
  readonly last: string;
  close(): Promise<void>;
}

async function startCountingUpstream(): Promise<CountingUpstream> {
  let whole = 0;
  let cut = 0;
  let last = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      whole++;
      last = Buffer.concat(chunks).toString('utf8');
      res.end('ok');
    });
    req.on('close', () => {
      if (!req.complete) cut++;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get whole() {
      return whole;
    },
    get cut() {
      return cut;
    },
    get last() {
      return last;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A body sent in pieces of `size` bytes, as a slow client would: the gateway cannot see it whole at once. */
function pieces(body: string, size = 16 * KIB): Readable {
  const bytes = Buffer.from(body);
  let at = 0;
  return new Readable({
    read() {
      const piece = at < bytes.length ? bytes.subarray(at, at + size) : null;
      at += size;
      this.push(piece);
    },
  });
}

const padding = (bytes: number) => 'A'.repeat(bytes);

function config(upstream: string, extra: Partial<ConfigInput> = {}): ConfigInput {
  return {
    server: { listeners: [LOOPBACK_LISTENER] },
    sites: [
      {
        name: 'app',
        hosts: ['*'],
        upstream: { targets: [upstream] },
        routes: [{ path: '/detect', inspect: { mode: 'detect' } }],
      },
    ],
    control: { enabled: false },
    logging: { level: 'silent', access: 'none' },
    store: { driver: 'memory' },
    // Every attack here comes from 127.0.0.1: no agent may send it to the maze between tests.
    brain: { agents: { respond: false } },
    ...extra,
  };
}

// A body longer than the inspected prefix (inspect.limits.maxBodyBytes) is inspected on as it streams, a
// window at a time, each held back until inspected: padding in front of a payload hides nothing.
describe('the rest of a body past the inspected prefix', () => {
  let upstream: CountingUpstream;
  let gateway: InProcessGateway;
  const events: SecurityEvent[] = [];

  beforeAll(async () => {
    upstream = await startCountingUpstream();
    gateway = await startInProcess(config(upstream.url));
    gateway.app.bus.subscribe('security.event', (event) => void events.push(event));
  });

  afterAll(async () => {
    await gateway?.stop();
    await upstream?.close();
  });

  const post = (path: string, body: string, contentType: string, chunked = false) =>
    send(`${gateway.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'user-agent': 'Mozilla/5.0',
        ...(chunked ? {} : { 'content-length': Buffer.byteLength(body) }),
      },
      body: pieces(body),
      timeoutMs: 10_000,
    });

  const lastEvent = async (requestId: string | undefined) => {
    for (let i = 0; i < 100 && !events.some((e) => e.requestId === requestId); i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return events.find((e) => e.requestId === requestId);
  };

  it('refuses a payload after 200 KiB of padding in the same form field, and the upstream never gets it whole', async () => {
    const whole = upstream.whole;
    const body = `comment=${padding(200 * KIB)}${encodeURIComponent("' union select password from users--")}`;
    const res = await post('/post', body, FORM);
    expect(res.status).toBe(403);
    const id = res.headers['x-request-id'];
    expect(res.body).toContain(String(id));
    expect(res.body).not.toMatch(/sqli|union/i);
    expect(upstream.whole).toBe(whole);
    const event = await lastEvent(String(id));
    expect(event?.verdict.action).toBe('block');
    expect(
      event?.verdict.findings.some((f) => f.analyzer === 'sqli' && f.location === 'body.form.comment'),
    ).toBe(true);
    expect(event?.response.status).toBe(403);
  });

  it('refuses a payload in a field between two paddings, sent chunked', async () => {
    const body = `a=${padding(150 * KIB)}&q=${encodeURIComponent('<script>alert(1)</script>')}&b=${padding(300 * KIB)}`;
    const res = await post('/post', body, FORM, true);
    expect(res.status).toBe(403);
    const event = await lastEvent(String(res.headers['x-request-id']));
    expect(event?.verdict.findings.some((f) => f.location === 'body.form.q')).toBe(true);
  });

  it('refuses a payload at the end of a padded JSON body', async () => {
    const body = JSON.stringify({ pad: padding(100 * KIB), q: '<img src=x onerror=alert(document.cookie)>' });
    expect((await post('/api', body, 'application/json')).status).toBe(403);
  });

  it('refuses a multipart field after a large file, and reads no file past its head', async () => {
    const boundary = 'b0undary';
    const part = (headers: string, content: string) => `--${boundary}\r\n${headers}\r\n\r\n${content}\r\n`;
    const file = part(
      'Content-Disposition: form-data; name="upload"; filename="page.html"',
      `<p>${padding(100 * KIB)}</p><script>alert(1)</script>`.repeat(2),
    );
    const attack = `${file}${part('Content-Disposition: form-data; name="id"', '1 union select 1,2,3--')}--${boundary}--\r\n`;
    const type = `multipart/form-data; boundary=${boundary}`;
    expect((await post('/upload', attack, type)).status).toBe(403);
    // The same upload without the field: a file's content past its head is the application's business.
    const whole = upstream.whole;
    const res = await post('/upload', `${file}--${boundary}--\r\n`, type);
    expect(res.status).toBe(200);
    expect(upstream.whole).toBe(whole + 1);
  });

  it('passes a long benign form, JSON and text body whole', async () => {
    const fields = Array.from(
      { length: 400 },
      (_, i) =>
        `note${i}=${encodeURIComponent(`Line ${i}: the union of workers met on Tuesday; see "minutes" & notes. `.repeat(4))}`,
    ).join('&');
    const json = JSON.stringify(
      Array.from({ length: 2000 }, (_, i) => ({
        id: i,
        title: `Item ${i}`,
        body: 'Select the best option from the list, or none.',
      })),
    );
    for (const [body, type] of [
      [fields, FORM],
      [json, 'application/json'],
      [`${'plain words, over and over. '.repeat(10_000)}`, 'text/plain'],
    ] as const) {
      expect(Buffer.byteLength(body)).toBeGreaterThan(2 * PREFIX);
      const whole = upstream.whole;
      const res = await post('/post', body, type);
      expect(res.status).toBe(200);
      expect(upstream.whole).toBe(whole + 1);
      expect(upstream.last).toBe(body);
    }
  });

  it('in detect mode, lets the body through whole and logs what the rest showed', async () => {
    const whole = upstream.whole;
    const body = `comment=${padding(100 * KIB)}${encodeURIComponent('; cat /etc/passwd')}`;
    const res = await post('/detect', body, FORM);
    expect(res.status).toBe(200);
    expect(upstream.whole).toBe(whole + 1);
    expect(upstream.last).toBe(body);
    const event = await lastEvent(String(res.headers['x-request-id']));
    expect(event?.verdict.action).toBe('log');
    expect(event?.verdict.findings.length).toBeGreaterThan(0);
  });

  it('under overLimit: inspect-prefix, reads the prefix only', async () => {
    const other = await startInProcess({
      ...config(upstream.url),
      inspect: { limits: { overLimit: 'inspect-prefix' } },
    });
    try {
      const body = `comment=${padding(100 * KIB)}${encodeURIComponent("' union select password from users--")}`;
      const res = await send(`${other.url}/post`, {
        method: 'POST',
        headers: { 'content-type': FORM, 'user-agent': 'Mozilla/5.0', 'content-length': body.length },
        body: pieces(body),
      });
      expect(res.status).toBe(200);
    } finally {
      await other.stop();
    }
  });

  it('still serves after refused uploads', async () => {
    const res = await post('/post', 'name=alice', FORM);
    expect(res.status).toBe(200);
  });
});
