import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTS } from './catalog.js';
import { MAX_BODY_BYTES } from './read-body.js';
import { type DemoApp, startDemoApp } from './start-demo-app.js';

let app: DemoApp;
beforeAll(async () => {
  app = await startDemoApp();
});
afterAll(() => app.close());

function postOrder(body: string | Uint8Array): Promise<Response> {
  return fetch(`${app.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
}

describe('JSON API', () => {
  it('GET /api/products answers the catalogue', async () => {
    const res = await fetch(`${app.url}/api/products`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual(PRODUCTS);
  });

  it('GET /api/products/:id answers one product or 404 {error}', async () => {
    const found = await fetch(`${app.url}/api/products/3`);
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual(PRODUCTS[2]);
    const missing = await fetch(`${app.url}/api/products/42`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'product not found' });
  });

  it('GET /api/health answers ok', async () => {
    const res = await fetch(`${app.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('POST /api/orders answers 201 with the order', async () => {
    const res = await postOrder(JSON.stringify({ productId: 4, quantity: 2 }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      id: expect.stringMatching(/^ord_/),
      productId: 4,
      quantity: 2,
      unitPriceCents: 14500,
      totalCents: 29000,
      status: 'received',
    });
  });

  it.each([
    ['bad JSON', '{"productId": 1,'],
    ['an array', '[1, 2]'],
    ['a missing productId', '{"quantity": 1}'],
    ['an unknown product', '{"productId": 99, "quantity": 1}'],
    ['a text quantity', '{"productId": 1, "quantity": "2"}'],
    ['a zero quantity', '{"productId": 1, "quantity": 0}'],
    ['a fractional quantity', '{"productId": 1, "quantity": 1.5}'],
  ])('POST /api/orders answers 400 {error} for %s', async (_label, body) => {
    const res = await postOrder(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.any(String) });
  });

  it('POST /api/orders answers 413 beyond 1 MB, declared or streamed', async () => {
    const declared = await postOrder(new Uint8Array(MAX_BODY_BYTES + 1));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: expect.any(String) });
    const chunk = new Uint8Array(64 * 1024).fill(32);
    const streamed = await fetch(`${app.url}/api/orders`, {
      method: 'POST',
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(chunk);
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // The connection is still usable after a refused body.
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  });
});
