import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTS } from './catalog.js';
import { type DemoApp, startDemoApp } from './start-demo-app.js';

let app: DemoApp;
beforeAll(async () => {
  app = await startDemoApp();
});
afterAll(() => app.close());

async function get(path: string, init?: RequestInit): Promise<{ res: Response; text: string }> {
  const res = await fetch(`${app.url}${path}`, init);
  return { res, text: await res.text() };
}

function rawGet(path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    request(`${app.url}/`, { path }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    })
      .on('error', reject)
      .end();
  });
}

describe('demo shop pages', () => {
  it('serves the home page with a link to every page', async () => {
    const { res, text } = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    expect(text).toContain('Acme Outfitters');
    for (const href of ['/', '/products', '/search', '/about', '/login']) {
      expect(text).toContain(`href="${href}"`);
    }
  });

  it.each([
    ['/about', 'About us'],
    ['/products', PRODUCTS[5]!.name],
    ['/products/2', 'Summit Down Jacket'],
    ['/products/2/', 'Summit Down Jacket'],
  ])('serves %s', async (path, expected) => {
    const { res, text } = await get(path);
    expect(res.status).toBe(200);
    expect(text).toContain(expected);
  });

  it('lists every product with a link to its page', async () => {
    const { text } = await get('/products');
    for (const product of PRODUCTS) expect(text).toContain(`href="/products/${product.id}"`);
  });

  it.each(['/products/999', '/products/abc', '/products/%zz', '/nope', '/api/nope'])(
    'answers 404 for %s',
    async (path) => {
      const { res, text } = await get(path);
      expect(res.status).toBe(404);
      if (path.startsWith('/api/')) expect(JSON.parse(text)).toEqual({ error: 'not found' });
      else expect(text).toContain('Page not found');
    },
  );

  it('escapes the path echoed on the 404 page', async () => {
    // node:http sends the path as is, where fetch would percent-encode the angle brackets.
    const { status, text } = await rawGet('/<script>alert(1)</script>');
    expect(status).toBe(404);
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('answers 405 with Allow for an unsupported method', async () => {
    const { res } = await get('/products', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    const api = await get('/api/orders', { method: 'GET' });
    expect(api.res.status).toBe(405);
    expect(api.res.headers.get('allow')).toBe('POST, OPTIONS');
    expect(JSON.parse(api.text)).toEqual({ error: 'method not allowed' });
  });

  it('answers HEAD like GET without a body, and OPTIONS with Allow', async () => {
    const head = await get('/about', { method: 'HEAD' });
    expect(head.res.status).toBe(200);
    expect(head.text).toBe('');
    expect(Number(head.res.headers.get('content-length'))).toBeGreaterThan(0);
    const options = await get('/login', { method: 'OPTIONS' });
    expect(options.res.status).toBe(204);
    expect(options.res.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
  });

  it('serves robots.txt and favicon.ico', async () => {
    const robots = await get('/robots.txt');
    expect(robots.res.status).toBe(200);
    expect(robots.res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(robots.text).toContain('User-agent: *');
    const favicon = await get('/favicon.ico');
    expect(favicon.res.status).toBe(204);
  });
});
