import { describe, expect, it } from 'vitest';
// The gateway's and the labyrinth's own pages, so that the classifier follows what they really send.
import { challengePage } from '../../gateway/challenge/challenge-page.js';
import { gatewayBody } from '../../gateway/gateway-responses.js';
import { createMaze, TRAP_STRATEGIES } from '../../labyrinth/index.js';
import { visitOf } from '../../labyrinth/maze.testing.js';
import { classifyReply, decidedByHead } from './classify-reply.js';
import type { Ending, Reply } from './raw-exchange.js';

function reply(
  status: number | undefined,
  headers: Record<string, string> = {},
  body = '',
  ending: Ending = 'complete',
): Reply {
  return {
    head: status === undefined ? undefined : { status, headers, length: 0 },
    body: Buffer.from(body),
    ending,
    ms: 1,
  };
}

const PLAIN = { 'content-type': 'text/plain; charset=utf-8' };

describe('classifyReply', () => {
  it('reads every page of every trap strategy as trapped, whatever its status', () => {
    const maze = createMaze({ secret: 'classifier test secret' });
    const statuses = new Set<number>();
    for (const strategy of TRAP_STRATEGIES) {
      for (const target of ['/', '/.env', '/admin/', '/api/v1/users', '/x?id=1%27']) {
        const page = maze.page(visitOf(target, strategy));
        statuses.add(page.status);
        const head = { 'content-type': page.contentType, ...page.headers };
        expect(classifyReply(reply(page.status, head, page.body)), `${strategy} ${target}`).toBe('trapped');
        expect(decidedByHead({ status: page.status, headers: head, length: 0 })).toBe(true);
      }
    }
    expect(statuses.size).toBeGreaterThan(1);
  });

  it('reads the challenge page and a redirect into the challenge as challenged', () => {
    const page = challengePage({ token: 't.k', seed: 'abc', difficulty: 16 }, '/products', 5);
    expect(classifyReply(reply(403, { 'content-type': 'text/html' }, page))).toBe('challenged');
    expect(classifyReply(reply(303, { location: '/.infinisec/challenge/wait?t=x&r=%2F' }))).toBe(
      'challenged',
    );
  });

  it("reads 403 and the gateway's own 4xx answers as blocked, its 5xx and 421 as errors", () => {
    expect(classifyReply(reply(403, PLAIN, gatewayBody(403, 'r-1')))).toBe('blocked');
    expect(classifyReply(reply(403, { 'content-type': 'text/html' }, '<h1>Forbidden</h1>'))).toBe('blocked');
    for (const status of [400, 408, 413, 431])
      expect(classifyReply(reply(status, PLAIN, gatewayBody(status, 'r-2')))).toBe('blocked');
    for (const status of [421, 502, 504])
      expect(classifyReply(reply(status, PLAIN, gatewayBody(status, 'r-3')))).toBe('error');
  });

  it('reads 429 as rate-limited and decides it from the head', () => {
    expect(classifyReply(reply(429, { 'retry-after': '3' }, gatewayBody(429, 'r')))).toBe('rateLimited');
    expect(decidedByHead({ status: 429, headers: {}, length: 0 })).toBe(true);
    expect(decidedByHead({ status: 200, headers: {}, length: 0 })).toBe(false);
  });

  it("reads the application's 2xx, 3xx and 4xx as passed and its 5xx as an error", () => {
    expect(classifyReply(reply(200, { 'content-type': 'text/html' }, '<p>shop</p>'))).toBe('passed');
    expect(classifyReply(reply(302, { location: '/login' }))).toBe('passed');
    expect(classifyReply(reply(401, { 'content-type': 'text/html' }, 'Wrong password'))).toBe('passed');
    expect(classifyReply(reply(400, { 'content-type': 'application/json' }, '{"error":"x"}'))).toBe('passed');
    expect(classifyReply(reply(500, { 'content-type': 'text/html' }, 'oops'))).toBe('error');
  });

  it('tells a held client (timeout) from no answer at all (error), and lets protocol scenarios read a refusal', () => {
    expect(classifyReply(reply(undefined, {}, '', 'timeout'))).toBe('timeout');
    expect(classifyReply(reply(200, {}, 'part', 'timeout'))).toBe('timeout');
    expect(classifyReply(reply(undefined, {}, '', 'error'))).toBe('error');
    expect(classifyReply(reply(undefined, {}, '', 'closed'))).toBe('error');
    expect(classifyReply(reply(undefined, {}, '', 'closed'), { refusalBlocks: true })).toBe('blocked');
    const html400 = reply(400, { 'content-type': 'text/html' }, '<p>Bad request</p>');
    expect(classifyReply(html400)).toBe('passed');
    expect(classifyReply(html400, { refusalBlocks: true })).toBe('blocked');
  });
});
