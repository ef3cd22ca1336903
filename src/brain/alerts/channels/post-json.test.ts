import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from './http-receiver.testing.js';
import { ALERT_HTTP_DEFAULTS, checkHttpDelivery, postJson } from './post-json.js';

const FAST = { timeoutMs: 2000, retries: 3, backoffMs: 5, maxBackoffMs: 20 };

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('postJson', () => {
  it('posts the body as JSON once when the receiver takes it', async () => {
    receiver = await startReceiver();
    const outcome = await postJson(new URL(receiver.url), '{"a":1}', { 'x-extra': 'yes' }, FAST);
    expect(outcome).toEqual({ ok: true, attempts: 1 });
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/hook/s3cr3t-path');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-extra']).toBe('yes');
    expect(request?.body).toBe('{"a":1}');
  });

  it('tries again after a 500 and succeeds on the third try', async () => {
    receiver = await startReceiver((_, i) => (i < 2 ? 500 : 204));
    const outcome = await postJson(new URL(receiver.url), '{}', {}, FAST);
    expect(outcome).toEqual({ ok: true, attempts: 3 });
    expect(receiver.requests).toHaveLength(3);
    expect(new Set(receiver.requests.map((r) => r.body))).toEqual(new Set(['{}']));
  });

  it('gives up after the last retry on a receiver that always fails with 503', async () => {
    receiver = await startReceiver(() => 503);
    const outcome = await postJson(new URL(receiver.url), '{}', {}, { ...FAST, retries: 2 });
    expect(outcome).toEqual({ ok: false, attempts: 3, reason: 'status 503' });
    expect(receiver.requests).toHaveLength(3);
  });

  it('retries a 429 but never a 400 or a redirect', async () => {
    receiver = await startReceiver((_, i) => (i === 0 ? 429 : 200));
    expect(await postJson(new URL(receiver.url), '{}', {}, FAST)).toEqual({ ok: true, attempts: 2 });
    await receiver.close();
    receiver = await startReceiver(() => 400);
    expect(await postJson(new URL(receiver.url), '{}', {}, FAST)).toEqual({
      ok: false,
      attempts: 1,
      reason: 'status 400',
    });
    expect(receiver.requests).toHaveLength(1);
    await receiver.close();
    receiver = await startReceiver(() => 302);
    expect(await postJson(new URL(receiver.url), '{}', {}, FAST)).toMatchObject({ ok: false, attempts: 1 });
  });

  it('gives up on a receiver that does not answer within the timeout, and tries again', async () => {
    receiver = await startReceiver(() => 'hang');
    const outcome = await postJson(new URL(receiver.url), '{}', {}, { ...FAST, timeoutMs: 150, retries: 1 });
    expect(outcome).toEqual({ ok: false, attempts: 2, reason: 'timeout' });
    expect(receiver.requests).toHaveLength(2);
  });

  it('reports a refused connection as a network failure after its retries', async () => {
    // A port that was just free: nothing listens on it any more.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const outcome = await postJson(new URL(`http://127.0.0.1:${port}/`), '{}', {}, { ...FAST, retries: 1 });
    expect(outcome).toMatchObject({ ok: false, attempts: 2 });
    expect(outcome.ok === false && outcome.reason).toMatch(/^network /);
  });
});

describe('checkHttpDelivery', () => {
  it('takes the defaults and an https address', () => {
    expect(checkHttpDelivery('x', 'https://hooks.example/a', ALERT_HTTP_DEFAULTS).host).toBe('hooks.example');
  });

  it('refuses other schemes, bad addresses (without repeating them) and options out of bounds', () => {
    expect(() => checkHttpDelivery('x', 'ftp://hooks.example/a', ALERT_HTTP_DEFAULTS)).toThrow(
      /http or https/,
    );
    expect(() => checkHttpDelivery('x', 'not a url s3cr3t', ALERT_HTTP_DEFAULTS)).toThrow(
      /^brain\.alerts: channel x: url is not a valid address$/,
    );
    const url = 'https://hooks.example/a';
    expect(() => checkHttpDelivery('x', url, { ...ALERT_HTTP_DEFAULTS, retries: 11 })).toThrow(/retries/);
    expect(() => checkHttpDelivery('x', url, { ...ALERT_HTTP_DEFAULTS, timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => checkHttpDelivery('x', url, { ...ALERT_HTTP_DEFAULTS, backoffMs: 20_000 })).toThrow(
      /backoffMs/,
    );
  });
});
