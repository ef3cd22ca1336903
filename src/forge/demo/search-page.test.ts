import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, startDemoApp } from './start-demo-app.js';

let app: DemoApp;
beforeAll(async () => {
  app = await startDemoApp();
});
afterAll(() => app.close());

async function search(rawQuery: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${app.url}/search?${rawQuery}`);
  return { status: res.status, text: await res.text() };
}

describe('GET /search', () => {
  it('lists the products matching the query', async () => {
    const { status, text } = await search('q=gear');
    expect(status).toBe(200);
    expect(text).toContain('2 results for');
    expect(text).toContain('Riverstone Water Bottle');
    expect(text).toContain('Campfire Enamel Mug');
    expect(text).not.toContain('Summit Down Jacket');
  });

  it('echoes the query escaped, never as markup', async () => {
    const payload = '<script>alert("x")</script>';
    const { status, text } = await search(`q=${encodeURIComponent(payload)}`);
    expect(status).toBe(200);
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(text).toContain('0 results for');
  });

  it('escapes a query that tries to leave the input attribute', async () => {
    const { text } = await search(`q=${encodeURIComponent('" autofocus onfocus="alert(1)')}`);
    expect(text).toContain('value="&quot; autofocus onfocus=&quot;alert(1)"');
  });

  it('treats bad percent-encoding as literal text', async () => {
    const { status, text } = await search('q=100%25%zz%E0%A4%A');
    expect(status).toBe(200);
    expect(text).toContain('100%%zz');
  });

  it('shows a hint when there is no query', async () => {
    const { status, text } = await search('');
    expect(status).toBe(200);
    expect(text).toContain('Type a word');
  });
});
