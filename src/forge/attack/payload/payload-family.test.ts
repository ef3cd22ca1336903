import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { serializeRequest } from '../attack-request.js';
import { createRandom } from '../random.js';
import { exchange } from '../raw-exchange.js';
import { encodingFits } from './encodings.js';
import { COMMAND_INJECTION } from './families/command-injection.js';
import { LOG4SHELL } from './families/log4shell.js';
import { PATH_TRAVERSAL } from './families/path-traversal.js';
import { SQLI } from './families/sqli.js';
import { SSRF } from './families/ssrf.js';
import { SSTI } from './families/ssti.js';
import { XSS } from './families/xss.js';
import { XXE } from './families/xxe.js';
import { generatePayloadRequests, type PayloadFamily } from './payload-family.js';

const FAMILIES: readonly PayloadFamily[] = [
  SQLI,
  XSS,
  PATH_TRAVERSAL,
  COMMAND_INJECTION,
  SSRF,
  XXE,
  SSTI,
  LOG4SHELL,
];

function take<T>(iterator: Iterator<T>, n: number): T[] {
  return Array.from({ length: n }, () => iterator.next().value as T);
}

function combinations(family: PayloadFamily): number {
  let n = 0;
  for (const point of family.points) n += family.encodings.filter((e) => encodingFits(e, point)).length;
  return n * family.templates.length;
}

describe('generatePayloadRequests', () => {
  it('is the same for the same seed, and different for another', () => {
    const a = take(generatePayloadRequests(SQLI, createRandom(5)), 20);
    const b = take(generatePayloadRequests(SQLI, createRandom(5)), 20);
    const c = take(generatePayloadRequests(SQLI, createRandom(6)), 20);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it.each(FAMILIES.map((f) => [f.name, f] as const))(
    '%s varies its requests: one round is as many requests as combinations, nearly all distinct',
    (_name, family) => {
      const n = combinations(family);
      expect(n).toBeGreaterThanOrEqual(20);
      const round = take(generatePayloadRequests(family, createRandom(1)), n);
      const distinct = new Set(round.map((r) => serializeRequest(r, 'h').toString('latin1')));
      expect(distinct.size).toBeGreaterThan(0.9 * n);
    },
  );

  it('never percent-encodes where the target would not decode it (JSON bodies)', () => {
    // SQL injection templates have no `%` of their own: one in a JSON value would be a misplaced encoding.
    let json = 0;
    for (const request of take(generatePayloadRequests(SQLI, createRandom(3)), 200)) {
      if (request.target !== '/api/orders') continue;
      json++;
      expect((JSON.parse(String(request.body)) as { productId: string }).productId).not.toContain('%');
    }
    expect(json).toBeGreaterThan(10);
  });
});

describe('payloads in headers', () => {
  it('are never ones a header cannot carry (a line break would arrive as a space)', () => {
    let headers = 0;
    for (const request of take(generatePayloadRequests(COMMAND_INJECTION, createRandom(4)), 300)) {
      if (request.note === undefined || request.method !== 'GET') continue;
      headers++;
      expect(request.note).not.toMatch(/^[\w-]+: [a-z0-9]{5} \S/);
    }
    expect(headers).toBeGreaterThan(20);
  });
});

describe('generated requests on the wire', () => {
  it('are HTTP a strict server parses, so that what is judged is the payload, not the framing', async () => {
    const parsed: IncomingMessage[] = [];
    const refused: string[] = [];
    const server = createServer((req, res) => {
      parsed.push(req);
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    server.on('clientError', (err, socket) => {
      refused.push((err as NodeJS.ErrnoException).code ?? err.message);
      socket.destroy();
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const endpoint = { address: '127.0.0.1', port: (server.address() as AddressInfo).port };
    try {
      let sent = 0;
      for (const family of FAMILIES) {
        for (const request of take(generatePayloadRequests(family, createRandom(11)), 30)) {
          const reply = await exchange(endpoint, serializeRequest(request, 'shop.test'), { timeoutMs: 5000 });
          expect(reply.head?.status, `${family.name}: ${request.method} ${request.target}`).toBe(200);
          sent++;
        }
      }
      expect(refused).toEqual([]);
      expect(parsed).toHaveLength(sent);
      expect(parsed.every((req) => req.headers.host === 'shop.test')).toBe(true);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
