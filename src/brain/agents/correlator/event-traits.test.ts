import { describe, expect, it } from 'vitest';
import { eventOf } from '../shared/events.testing.js';
import { DEFAULT_CORRELATOR_OPTIONS } from './correlator-options.js';
import { eventTraits } from './event-traits.js';

const traits = (spec: Parameters<typeof eventOf>[0], options = DEFAULT_CORRELATOR_OPTIONS) =>
  eventTraits(eventOf(spec), options);

describe('eventTraits', () => {
  it('makes the payload family of the sure findings, by analyzer or by rule', () => {
    const spec = {
      time: 1,
      findings: ['xss/script-tag', 'sqli/union', 'sqli/tautology', 'scanner/no-agent@0.3'],
    };
    expect(traits(spec)).toMatchObject({ family: 'sqli+xss', categories: ['sqli', 'xss'] });
    expect(traits(spec, { ...DEFAULT_CORRELATOR_OPTIONS, campaignKey: 'rule' }).family).toBe(
      'sqli/tautology+sqli/union+xss/script-tag',
    );
    expect(traits({ time: 1, findings: ['scanner/no-agent@0.3'] })).toMatchObject({
      family: undefined,
      categories: [],
    });
  });

  it('tells failed logins from won ones, on login forms only', () => {
    const login = { time: 1, method: 'POST', path: '/account/login' };
    expect(traits({ ...login, status: 401 }).login).toBe('failure');
    expect(traits({ ...login, status: 200, action: 'ratelimit' }).login).toBe('failure');
    expect(traits({ ...login, status: 302 }).login).toBe('success');
    expect(traits({ ...login, status: 500 }).login).toBeUndefined();
    expect(traits({ ...login, method: 'GET', status: 401 }).login).toBeUndefined();
    expect(traits({ time: 1, method: 'POST', path: '/cart', status: 401 }).login).toBeUndefined();
  });

  it('sees a client held by a ban, a canary ban or the maze, not by one blocked request', () => {
    expect(traits({ time: 1, action: 'block', reason: 'decision/ban' }).held).toBe(true);
    expect(traits({ time: 1, action: 'block', reason: 'canary/used' }).held).toBe(true);
    expect(traits({ time: 1, action: 'labyrinth', reason: 'labyrinth/trapped' }).held).toBe(true);
    expect(traits({ time: 1, action: 'block', findings: ['sqli/union'] }).held).toBe(false);
    expect(traits({ time: 1, action: 'challenge', reason: 'decision/challenge' }).held).toBe(false);
  });

  it('counts a hostile request answered by the application as one that got through', () => {
    expect(traits({ time: 1, action: 'log', findings: ['sqli/union'], status: 200 }).passed).toBe(true);
    expect(traits({ time: 1, action: 'log', findings: ['sqli/union'], status: 500 }).passed).toBe(false);
    expect(traits({ time: 1, action: 'block', findings: ['sqli/union'] }).passed).toBe(false);
    expect(traits({ time: 1, action: 'allow', status: 200 }).passed).toBe(false);
  });
});
