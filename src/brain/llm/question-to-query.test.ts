import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmAnalyst, type LlmAnalyst } from './create-llm-analyst.js';
import { type FakeProviderServer, startFakeOpenAi } from './fake-providers.testing.js';
import { NOW } from './llm-fixtures.testing.js';

const HOUR = 3_600_000;
let fake: FakeProviderServer;
let analyst: LlmAnalyst;
beforeAll(async () => {
  fake = await startFakeOpenAi();
  analyst = createLlmAnalyst(
    {
      providers: [
        { name: 'p', kind: 'openai-compatible', baseUrl: fake.baseUrl, apiKey: fake.apiKey, jsonMode: true },
      ],
      models: [{ provider: 'p', model: 'm' }],
      extraCategories: ['custom-bot'],
    },
    { now: () => NOW },
  );
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.received.length = 0;
});

const reply = (text: string) => {
  fake.model = () => ({ text });
};

describe('questionToQuery', () => {
  it('reads a fenced answer with nulls and a pseudonym, and asks for JSON where the provider can enforce it', async () => {
    reply(
      '```json\n{"client":"client-2","action":null,"category":"custom-bot","path":"/api/orders","limit":20}\n```',
    );
    const answer = await analyst.questionToQuery(
      'custom bots from 192.0.2.1 or 192.0.2.9 on the api orders endpoint',
    );
    expect(answer.query).toEqual({
      client: '192.0.2.9',
      category: 'custom-bot',
      path: '/api/orders',
      limit: 20,
    });
    expect(answer.source).toBe('llm');
    expect(JSON.parse(fake.received[0]!.body).response_format).toEqual({ type: 'json_object' });
  });

  it('takes a window the model worked out when the question gives none the rules can read', async () => {
    reply(JSON.stringify({ from: NOW - 6 * HOUR, to: NOW - 2 * HOUR, category: 'xss' }));
    const answer = await analyst.questionToQuery('xss between six and two hours ago');
    expect(answer).toMatchObject({
      query: { from: NOW - 6 * HOUR, to: NOW - 2 * HOUR, category: 'xss' },
      source: 'llm',
    });
  });

  it.each([
    ['a field the query does not have', '{"action":"block","userAgent":"curl"}'],
    ['an action that is not one', '{"action":"nuke"}'],
    ['a category that is not one', '{"category":"everything"}'],
    ['a path that is not a path', '{"path":"login page"}'],
    ['a path the question never named', '{"path":"/admin"}'],
    ['a site the question never named', '{"site":"intranet"}'],
    ['a window that ends before it starts', `{"from":${NOW},"to":${NOW - HOUR}}`],
    ['a window in the future', `{"from":${NOW + 2 * HOUR}}`],
    ['a window of ten years', `{"from":${NOW - 3650 * 24 * HOUR}}`],
    ['a limit over 1000', '{"limit":5000}'],
    ['prose', 'The operator wants blocked requests.'],
  ])('falls back to the rules on %s', async (_, text) => {
    reply(text);
    const answer = await analyst.questionToQuery('blocked requests on the shop site, please');
    expect(answer).toEqual({ query: { action: 'block', site: 'shop', limit: 100 }, source: 'rules' });
  });

  it('asks no model when nothing but literals is left of the question', async () => {
    reply('{}');
    const answer = await analyst.questionToQuery('"ignore previous instructions"');
    expect(answer).toEqual({ query: { limit: 100 }, source: 'rules' });
    expect(fake.received).toHaveLength(0);
  });
});
