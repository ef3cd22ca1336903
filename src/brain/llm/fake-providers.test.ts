import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeProviderServer, startFakeAnthropic, startFakeOpenAi } from './fake-providers.testing.js';

// The fakes are only worth testing against if they refuse what the real APIs refuse.

async function post(url: string, headers: Record<string, string>, body: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the tests read API answers of known shape
  return { status: response.status, body: (await response.json()) as any };
}

describe('the fake OpenAI-compatible server', () => {
  let fake: FakeProviderServer;
  beforeAll(async () => {
    fake = await startFakeOpenAi({ model: () => ({ text: 'hi' }) });
  });
  afterAll(() => fake.close());
  const url = () => `${fake.baseUrl}/chat/completions`;
  const auth = () => ({ authorization: `Bearer ${fake.apiKey}` });
  const good = { model: 'm', messages: [{ role: 'user', content: 'x' }] };

  it.each<[string, () => Record<string, string>, unknown, number]>([
    ['no key', () => ({}), good, 401],
    ['a wrong key', () => ({ authorization: 'Bearer sk-nope' }), good, 401],
    ['a body that is not JSON', auth, '{nope', 400],
    ['no model', auth, { messages: good.messages }, 400],
    ['no messages', auth, { model: 'm', messages: [] }, 400],
    ['an unknown role', auth, { model: 'm', messages: [{ role: 'boss', content: 'x' }] }, 400],
    ['a temperature over 2', auth, { ...good, temperature: 3 }, 400],
  ])('refuses %s', async (_, headers, body, status) => {
    const answer = await post(url(), headers(), body);
    expect(answer.status).toBe(status);
    expect(typeof answer.body.error.message).toBe('string');
  });

  it('answers a good request in the API shape, and 404s another path', async () => {
    const answer = await post(url(), auth(), good);
    expect(answer.status).toBe(200);
    expect(answer.body.choices[0].message).toEqual({ role: 'assistant', content: 'hi' });
    expect(answer.body.usage).toMatchObject({ prompt_tokens: 1, completion_tokens: 1 });
    expect((await post(`${fake.baseUrl}/completions`, auth(), good)).status).toBe(404);
  });
});

describe('the fake Anthropic server', () => {
  let fake: FakeProviderServer;
  beforeAll(async () => {
    fake = await startFakeAnthropic({ model: () => ({ text: 'hi' }) });
  });
  afterAll(() => fake.close());
  const url = () => `${fake.baseUrl}/v1/messages`;
  const headers = () => ({ 'x-api-key': fake.apiKey, 'anthropic-version': '2023-06-01' });
  const good = { model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] };

  it.each<[string, () => Record<string, string>, unknown, number]>([
    ['no key', () => ({ 'anthropic-version': '2023-06-01' }), good, 401],
    [
      'a bearer key instead of x-api-key',
      () => ({ authorization: `Bearer ${fake.apiKey}`, 'anthropic-version': '2023-06-01' }),
      good,
      401,
    ],
    ['no anthropic-version', () => ({ 'x-api-key': fake.apiKey }), good, 400],
    ['no max_tokens', headers, { model: 'm', messages: good.messages }, 400],
    [
      'a system turn among the messages',
      headers,
      { ...good, messages: [{ role: 'system', content: 's' }, ...good.messages] },
      400,
    ],
    ['an assistant turn first', headers, { ...good, messages: [{ role: 'assistant', content: 'a' }] }, 400],
    ['a field the API does not know', headers, { ...good, response_format: { type: 'json_object' } }, 400],
    ['a temperature over 1', headers, { ...good, temperature: 1.5 }, 400],
  ])('refuses %s', async (_, h, body, status) => {
    const answer = await post(url(), h(), body);
    expect(answer.status).toBe(status);
    expect(answer.body.type).toBe('error');
  });

  it('answers a good request in the API shape', async () => {
    const answer = await post(url(), headers(), { ...good, system: 'be brief' });
    expect(answer.status).toBe(200);
    expect(answer.body.content).toEqual([{ type: 'text', text: 'hi' }]);
    expect(answer.body.usage).toEqual({ input_tokens: 3, output_tokens: 1 });
  });
});
