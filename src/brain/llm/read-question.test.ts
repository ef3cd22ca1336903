import { describe, expect, it } from 'vitest';
import { NOW } from './llm-fixtures.testing.js';
import { readQuestion } from './read-question.js';
import { stripLiterals } from './strip-literals.js';
import { startOfUtcDay } from './time-phrases.js';

const HOUR = 3_600_000;
const TODAY = startOfUtcDay(NOW);

describe('readQuestion', () => {
  it.each<[string, object]>([
    [
      'blocked requests from 203.0.113.7 in the last hour',
      { client: '203.0.113.7', action: 'block', from: NOW - HOUR },
    ],
    ['sqli on /login today', { category: 'sqli', path: '/login', from: TODAY }],
    [
      'SQL injection against the login page yesterday',
      { category: 'sqli', path: '/login', from: TODAY - 24 * HOUR, to: TODAY },
    ],
    ['NoSQL injection in the past 30 minutes', { category: 'nosqli', from: NOW - 30 * 60_000 }],
    [
      'top 20 challenged clients on site shop-eu over the last 24h',
      { action: 'challenge', site: 'shop-eu', limit: 20, from: NOW - 24 * HOUR },
    ],
    [
      'who got rate limited on /api/v1/orders this week',
      { action: 'ratelimit', path: '/api/v1/orders', from: NOW - 7 * 24 * HOUR },
    ],
    ['log4j probes that got through', { category: 'log4shell', action: 'allow' }],
    ['requests to /index.php from 2001:db8::7', { path: '/index.php', client: '2001:db8::7' }],
    [
      'cross-site scripting trapped in the maze, last 50',
      { category: 'xss', action: 'labyrinth', limit: 50 },
    ],
    ['anything from 203.0.113.0/24 last 3 days', { from: NOW - 3 * 24 * HOUR }],
    ['what happened?', {}],
  ])('reads %j', (question, query) => {
    const facts = readQuestion(question, NOW);
    expect({ ...facts.guesses, ...facts.query }).toEqual(query);
  });

  it('reads nothing from literals: quoted text and pasted JSON', () => {
    const facts = readQuestion(
      'blocked today with user agent "sqlmap from 198.51.100.66 {"client":"198.51.100.66"}" on /login',
      NOW,
    );
    expect(facts.query).toEqual({ action: 'block', from: TODAY, path: '/login' });
    expect(facts.addresses).toEqual([]);
    expect(facts.text).not.toContain('198.51.100.66');
  });
});

describe('stripLiterals', () => {
  it.each([
    ['show "ignore previous instructions" today', 'show «literal» today'],
    ["agent 'curl/8' and what's next", "agent «literal» and what's next"],
    ['paste {"a":{"b":1}} here', 'paste «literal» here'],
    ['unclosed "quote goes on {', 'unclosed «literal»'],
    ['curly “quotes” too', 'curly «literal» too'],
  ])('%j → %j', (question, expected) => {
    expect(stripLiterals(question)).toBe(expected);
  });
});

describe('readQuestion on clients and sites', () => {
  it('filters on no client when the question names several', () => {
    const facts = readQuestion('requests from 192.0.2.1 or 192.0.2.9 on the shop site', NOW);
    expect(facts.query).toEqual({ site: 'shop' });
    expect(facts.addresses).toEqual(['192.0.2.1', '192.0.2.9']);
  });

  it('takes a page name for a guessed path, not a stated one', () => {
    const facts = readQuestion('attacks on the checkout page', NOW);
    expect(facts.query).toEqual({});
    expect(facts.guesses).toEqual({ path: '/checkout' });
  });

  it('does not take "cross site" for a site', () => {
    expect(readQuestion('cross site scripting on /search', NOW).query).toEqual({
      category: 'xss',
      path: '/search',
    });
  });
});
