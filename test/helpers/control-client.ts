import { send } from './http-client.js';

/** An answer of the control API, its body parsed when it is JSON. */
export interface ApiReply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever fields the answer has
  readonly json: any;
  readonly text: string;
}

/** Calls the control API with an optional bearer credential and a JSON (or raw) body. */
export async function api(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: { type: string; text: string } } = {},
): Promise<ApiReply> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.raw) {
    headers['content-type'] = options.raw.type;
    body = options.raw.text;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const reply = await send(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  let json: unknown;
  try {
    json = reply.body ? JSON.parse(reply.body) : undefined;
  } catch {
    json = undefined;
  }
  return { status: reply.status, headers: reply.headers, json, text: reply.body };
}

/** Signs in and returns the access token (fails the test when the login fails). */
export async function login(base: string, username: string, password: string): Promise<string> {
  const reply = await api(base, 'POST', '/api/auth/login', { body: { username, password } });
  if (reply.status !== 200) throw new Error(`login ${username}: ${reply.status} ${reply.text}`);
  return reply.json.accessToken as string;
}

/**
 * Creates the first admin of a freshly started gateway process with the setup token it printed, and signs in.
 * @example const token = await firstAdmin(gateway.controlUrl, gateway.stderr);
 */
export async function firstAdmin(controlUrl: string, stderr: () => string): Promise<string> {
  let setupToken: string | undefined;
  // The notice follows the listening lines: wait for it a little.
  for (let i = 0; i < 50 && setupToken === undefined; i++) {
    setupToken = /one-time token: (\S+)/.exec(stderr())?.[1];
    if (setupToken === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!setupToken) throw new Error('the gateway printed no setup token');
  const password = 'correct horse battery staple';
  const setup = await api(controlUrl, 'POST', '/api/setup', {
    body: { token: setupToken, username: 'admin', password },
  });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status} ${setup.text}`);
  return login(controlUrl, 'admin', password);
}
