import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { firstMessage, sampleAlert } from '../alert-fixture.testing.js';
import { type Receiver, startReceiver } from './http-receiver.testing.js';
import { createWebhookChannel, webhookSignature } from './webhook-channel.js';

const SECRET = 'correct horse battery staple';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** What a receiver does: recompute the HMAC over the raw body and compare in constant time. */
function verifies(body: string, header: string | undefined, secret: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const got = Buffer.from(header ?? '');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

describe('createWebhookChannel', () => {
  it('posts the message as JSON with a signature over the exact body', async () => {
    receiver = await startReceiver();
    const channel = createWebhookChannel({
      url: receiver.url,
      secret: SECRET,
      backoffMs: 5,
      maxBackoffMs: 20,
    });
    const alert = sampleAlert();
    expect(await channel.send(firstMessage(alert))).toEqual({ ok: true, attempts: 1 });
    const [request] = receiver.requests;
    const header = request?.headers['x-infinisec-signature'] as string;
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifies(request!.body, header, SECRET)).toBe(true);
    expect(verifies(request!.body, header, 'another secret')).toBe(false);
    expect(JSON.parse(request!.body)).toEqual({
      source: 'infinisec',
      kind: 'alert',
      rule: 'canary-used',
      severity: 'critical',
      site: 'shop',
      subject: '1a2b3c4d',
      groupKey: 'canary-used/shop/1a2b3c4d',
      title: alert.title,
      text: alert.title,
      facts: alert.facts,
      more: 0,
      time: '2025-01-01T10:00:00.000Z',
      firstTime: '2025-01-01T10:00:00.000Z',
      lastTime: '2025-01-01T10:00:00.000Z',
    });
    expect(request!.body).not.toContain(SECRET);
  });

  it('sends no signature without a secret, and the extra headers it is given', async () => {
    receiver = await startReceiver();
    const channel = createWebhookChannel({
      url: receiver.url,
      signatureHeader: 'X-Hub-Signature-256',
      headers: { authorization: 'Bearer t0ken' },
    });
    await channel.send(firstMessage(sampleAlert()));
    const [request] = receiver.requests;
    expect(request?.headers['x-hub-signature-256']).toBeUndefined();
    expect(request?.headers.authorization).toBe('Bearer t0ken');
  });

  it('signs in the header it is told to', async () => {
    receiver = await startReceiver();
    const channel = createWebhookChannel({
      url: receiver.url,
      secret: SECRET,
      signatureHeader: 'X-Hub-Signature-256',
    });
    await channel.send(firstMessage(sampleAlert()));
    const [request] = receiver.requests;
    expect(request?.headers['x-hub-signature-256']).toBe(webhookSignature(request!.body, SECRET));
  });

  it('retries a 500 and not a 400, and reports the failure without the address', async () => {
    receiver = await startReceiver((_, i) => (i === 0 ? 500 : 400));
    const channel = createWebhookChannel({ url: receiver.url, retries: 3, backoffMs: 5, maxBackoffMs: 20 });
    const outcome = await channel.send(firstMessage(sampleAlert()));
    expect(outcome).toEqual({ ok: false, attempts: 2, reason: 'status 400' });
    expect(receiver.requests).toHaveLength(2);
  });

  it('refuses a bad header name, an empty secret and a bad address', () => {
    const url = 'https://hooks.example/x';
    expect(() => createWebhookChannel({ url, signatureHeader: 'bad header' })).toThrow(/header name/);
    expect(() => createWebhookChannel({ url, secret: '' })).toThrow(/secret/);
    expect(() => createWebhookChannel({ url: 'javascript:alert(1)' })).toThrow(/http or https/);
  });
});
