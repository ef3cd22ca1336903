import { randomBytes } from 'node:crypto';
import type { DemoContext } from './demo-context.js';
import { isDemoUser } from './demo-user.js';
import { renderPage } from './layout.js';
import { renderLoginForm } from './login-form.js';
import { isJsonMediaType, mediaTypeOf } from './media-type.js';
import { parseJson } from './parse-json.js';
import { readBody } from './read-body.js';
import { sendHtml, sendJson } from './respond.js';
import { html } from './safe-html.js';

const NO_STORE = { 'cache-control': 'no-store' };

/** GET /login — the login form. */
export function showLogin({ res }: DemoContext): void {
  sendHtml(res, 200, renderPage('Sign in', renderLoginForm()), NO_STORE);
}

/** POST /login — checks the demo credentials from a form or a JSON body. */
export async function submitLogin({ req, res }: DemoContext): Promise<void> {
  const mediaType = mediaTypeOf(req.headers['content-type']);
  const json = isJsonMediaType(mediaType);
  const read = await readBody(req);
  if (read.kind === 'too-large') {
    reply(res, json, 413, 'The request is too large.');
    return;
  }
  let fields: { username: unknown; password: unknown };
  if (json) {
    const parsed = parseJson(read.body);
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
      reply(res, true, 400, 'The body is not a JSON object.');
      return;
    }
    fields = parsed.value as typeof fields;
  } else if (mediaType === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(read.body.toString('utf8'));
    fields = { username: form.get('username'), password: form.get('password') };
  } else {
    reply(res, false, 415, 'Send the form as application/x-www-form-urlencoded or JSON.');
    return;
  }
  const username = typeof fields.username === 'string' ? fields.username : '';
  const password = typeof fields.password === 'string' ? fields.password : '';
  if (!isDemoUser(username, password)) {
    reply(res, json, 401, 'Wrong username or password.', username);
    return;
  }
  const cookie = `session=${randomBytes(18).toString('base64url')}; HttpOnly; SameSite=Lax; Path=/`;
  const headers = { ...NO_STORE, 'set-cookie': cookie };
  if (json) {
    sendJson(res, 200, { ok: true, username }, headers);
    return;
  }
  const body = html`<p>Welcome back, <strong>${username}</strong>. You are signed in.</p>
<p><a href="/products">Continue shopping</a></p>`;
  sendHtml(res, 200, renderPage('Welcome back', body), headers);
}

// Failures answer in the client's own format: JSON for API callers, the form again for browsers.
function reply(res: DemoContext['res'], json: boolean, status: number, error: string, username = ''): void {
  if (json) {
    sendJson(res, status, { ok: false, error }, NO_STORE);
    return;
  }
  sendHtml(res, status, renderPage('Sign in', renderLoginForm({ username, error })), NO_STORE);
}
