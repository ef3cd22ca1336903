import { describe, expect, it } from 'vitest';
import { NOW, testEvent, testIncident } from './llm-fixtures.testing.js';
import { summarizeByRules } from './summarize-by-rules.js';

describe('summarizeByRules', () => {
  it('tells who, when, what and how it was answered, and blocks a client whose attack got through', () => {
    const incident = testIncident({ severity: 'medium', eventCount: 3 });
    const events = [
      testEvent({ id: 'a', findings: [{}] }),
      testEvent({ id: 'b', findings: [{}], action: 'log' }),
      testEvent({ id: 'c', findings: [{}], action: 'challenge', path: '/search' }),
    ];
    const { summary, recommendedActions } = summarizeByRules(incident, events);
    expect(summary).toBe(
      'Medium-severity attack by one client on site shop ("SQL injection against /login"): 3 requests from ' +
        '1 client (203.0.113.7) over 9 minutes, from 2025-05-14T15:20:00.000Z to 2025-05-14T15:29:00.000Z. ' +
        'Attacks seen: SQL injection. Of 3 sampled requests, 1 were blocked, 1 were challenged, rate limited ' +
        'or trapped, and 1 reached the application. 1 request with findings reached the application (/login). ' +
        'Most targeted: /login (2), /search (1).',
    );
    expect(recommendedActions).toEqual([
      {
        kind: 'block',
        target: '203.0.113.7',
        reason: 'sent 3 requests of SQL injection; 1 attack reached the application',
      },
      {
        kind: 'fix-upstream',
        target: '/login',
        reason: 'an attack reached the application here: check it is not vulnerable',
      },
    ]);
  });

  it('challenges a client whose attacks were all stopped in a low-severity incident', () => {
    const { recommendedActions } = summarizeByRules(testIncident({ severity: 'low' }), [
      testEvent({ id: 'a', findings: [{}] }),
    ]);
    expect(recommendedActions.map((a) => [a.kind, a.target])).toEqual([['challenge', '203.0.113.7']]);
  });

  it('traps a scanner and rate-limits the target of a campaign from many clients', () => {
    const clients = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5', '192.0.2.6'];
    const events = clients.map((ip, i) =>
      testEvent({
        id: `e${i}`,
        ip,
        path: '/wp-login.php',
        findings: [{ analyzer: 'scanner', rule: 'tool-agent' }],
      }),
    );
    const { recommendedActions } = summarizeByRules(
      testIncident({ kind: 'campaign', severity: 'low', clients, categories: ['scanner'] }),
      events,
    );
    expect(recommendedActions.filter((a) => a.kind === 'labyrinth')).toHaveLength(5);
    expect(recommendedActions.at(-1)).toMatchObject({ kind: 'ratelimit', target: '/wp-login.php' });
  });

  it('asks for a rule review when every finding had low confidence', () => {
    const { recommendedActions } = summarizeByRules(testIncident({ severity: 'low' }), [
      testEvent({ id: 'a', findings: [{ rule: 'xss/event-handler', analyzer: 'xss', confidence: 0.3 }] }),
    ]);
    expect(recommendedActions).toContainEqual({
      kind: 'review-rule',
      target: 'xss/event-handler',
      reason: 'only low-confidence findings: check for false positives',
    });
  });

  it('still says something useful with no sample events', () => {
    const { summary, recommendedActions } = summarizeByRules(
      testIncident({ status: 'contained', categories: [], lastSeen: NOW, firstSeen: NOW - 3 * 3_600_000 }),
      [],
    );
    expect(summary).toContain('over 3 hours');
    expect(summary).toContain('No attack family was recorded. The incident is contained.');
    expect(recommendedActions).toEqual([
      { kind: 'block', target: '203.0.113.7', reason: expect.any(String) },
    ]);
  });
});
