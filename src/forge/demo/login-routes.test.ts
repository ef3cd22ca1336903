import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, startDemoApp } from './start-demo-app.js';

let app: DemoApp;
beforeAll(async () => {
  app = await startDemoApp();
});
afterAll(() => app.close());

const SESSION_COOKIE = /^session=[\w-]{16,}; HttpOnly; SameSite=Lax; Path=\/$/;

function postForm(fields: Record<string, string>): Promise<Response> {
  return fetch(`${app.url}/login`, { method: 'POST', body: new URLSearchParams(fields) });
}

function postJson(body: string): Promise<Response> {
  return fetch(`${app.url}/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

describe('/login', () => {
  it('shows a form that posts username and password, with the demo credentials', async () => {
    const res = await fetch(`${app.url}/login`);
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain('action="/login" method="post"');
    expect(text).toContain('name="username"');
    expect(text).toContain('name="password"');
    expect(text).toContain('<code>demo</code>');
  });

  it('signs in with the demo credentials from a form and sets a session cookie', async () => {
    const res = await postForm({ username: 'demo', password: 'demo' });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(SESSION_COOKIE);
    expect(await res.text()).toContain('Welcome back');
  });

  it('signs in with JSON and answers JSON', async () => {
    const res = await postJson(JSON.stringify({ username: 'demo', password: 'demo' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(SESSION_COOKIE);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('answers 401 with the form and an error for wrong credentials', async () => {
    const res = await postForm({ username: '<b>demo</b>', password: 'nope' });
    const text = await res.text();
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(text).toContain('Wrong username or password.');
    expect(text).toContain('action="/login"');
    expect(text).toContain('value="&lt;b&gt;demo&lt;/b&gt;"');
  });

  it('answers 401 JSON for wrong JSON credentials, 400 for bad JSON', async () => {
    const wrong = await postJson(JSON.stringify({ username: 'demo', password: 42 }));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false });
    const bad = await postJson('{"username": ');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('answers 415 for a body that is neither a form nor JSON', async () => {
    const res = await fetch(`${app.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'username=demo&password=demo',
    });
    expect(res.status).toBe(415);
  });
});
