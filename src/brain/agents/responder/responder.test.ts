import { describe, expect, it } from 'vitest';
import type { BehaviourSignal, Decision, Incident } from '../../../core/index.js';
import { Responder } from './responder.js';

const T0 = 1_800_000_000_000;

const incident = (over: Partial<Incident> = {}): Incident => ({
  id: 'inc-1',
  title: 't',
  kind: 'campaign',
  severity: 'high',
  status: 'open',
  site: 'shop',
  clients: ['192.0.2.1', '2001:db8:1:2::/64'],
  fingerprints: [],
  categories: ['scanner'],
  events: [],
  eventCount: 100,
  decisions: [],
  campaign: 'shop:scanner',
  firstSeen: T0,
  lastSeen: T0,
  summary: '',
  ...over,
});

const signal = (score: number, prefix = '203.0.113.9'): BehaviourSignal => ({
  id: 's1',
  time: T0,
  site: 'shop',
  client: { ip: prefix, prefix, fingerprint: 'fp', userAgent: 'ua' },
  score,
  features: { requests: 40, rate: 120, errorRatio: 1, distinctPaths: 1, timingCv: 0, fingerprints: 1 },
  reasons: ['rate 120.0/min against a site median of 6.0/min'],
});

const decision = (value: string, action: Decision['action'], expires: number | null = null): Decision => ({
  id: `d-${value}`,
  scope: value.includes('/') ? 'cidr' : 'ip',
  value,
  action,
  reason: 'test',
  source: 'manual',
  created: T0,
  expires,
  createdBy: 'admin',
});

describe('Responder', () => {
  it('decides on each client of an open incident by its severity, an IPv6 /64 as a range', () => {
    const decisions = new Responder().onIncident(incident(), T0);
    expect(decisions).toEqual([
      {
        id: 'brain-inc-1-192.0.2.1',
        scope: 'ip',
        value: '192.0.2.1',
        action: 'labyrinth',
        reason: 'incident/campaign: high, inc-1',
        source: 'agent',
        created: T0,
        expires: T0 + 3_600_000,
        createdBy: 'brain.responder',
      },
      expect.objectContaining({ scope: 'cidr', value: '2001:db8:1:2::/64', action: 'labyrinth' }),
    ]);
  });

  it('takes one decision per client per incident, again only to make it stronger', () => {
    const responder = new Responder();
    expect(responder.onIncident(incident({ severity: 'medium' }), T0)).toHaveLength(2);
    expect(responder.onIncident(incident({ severity: 'medium', eventCount: 300 }), T0 + 1)).toEqual([]);
    const grown = incident({
      severity: 'critical',
      clients: ['192.0.2.1', '2001:db8:1:2::/64', '192.0.2.3'],
    });
    const stronger = responder.onIncident(grown, T0 + 2);
    expect(stronger.map((d) => [d.id, d.action])).toEqual([
      ['brain-inc-1-192.0.2.1', 'block'],
      ['brain-inc-1-2001:db8:1:2::/64', 'block'],
      ['brain-inc-1-192.0.2.3', 'block'],
    ]);
    expect(responder.onIncident(incident({ severity: 'high' }), T0 + 3)).toEqual([]);
  });

  it('leaves low, contained and resolved incidents alone', () => {
    const responder = new Responder();
    expect(responder.onIncident(incident({ severity: 'low' }), T0)).toEqual([]);
    expect(responder.onIncident(incident({ status: 'contained' }), T0)).toEqual([]);
    expect(responder.onIncident(incident({ status: 'resolved', severity: 'critical' }), T0)).toEqual([]);
  });

  it('never decides on an allow-listed client, from its policy or from an allow decision', () => {
    const responder = new Responder({ allowList: ['192.0.2.0/24'] });
    responder.onDecision(decision('2001:db8::/32', 'allow', T0 + 1000));
    expect(responder.onIncident(incident(), T0)).toEqual([]);
    expect(responder.onSignal(signal(0.99, '192.0.2.200'), T0)).toEqual([]);
    // The allow decision lapses; the allow list stays.
    const later = responder.onIncident(incident({ id: 'inc-2' }), T0 + 1000);
    expect(later.map((d) => d.value)).toEqual(['2001:db8:1:2::/64']);
  });

  it('refuses an allow list entry that is not an address or a range', () => {
    expect(() => new Responder({ allowList: ['10.0.0.0/8', 'intranet'] })).toThrow(/"intranet" in allowList/);
  });

  it('decides nothing where a decision at least as strong already stands', () => {
    const responder = new Responder();
    responder.onDecision(decision('192.0.2.1', 'block', T0 + 10_000));
    responder.onDecision(decision('2001:db8:1:2::/64', 'challenge'));
    const decisions = responder.onIncident(incident(), T0);
    expect(decisions.map((d) => [d.value, d.action])).toEqual([['2001:db8:1:2::/64', 'labyrinth']]);
    // Once the ban lapses, the client is fair game again.
    expect(responder.onIncident(incident({ id: 'inc-2' }), T0 + 10_000).map((d) => d.value)).toContain(
      '192.0.2.1',
    );
  });

  it('challenges a client whose behaviour scores high enough, once while its decision stands', () => {
    const responder = new Responder();
    expect(responder.onSignal(signal(0.7), T0)).toEqual([]);
    const [first] = responder.onSignal(signal(0.9), T0);
    expect(first).toMatchObject({
      id: 'brain-signal-203.0.113.9',
      action: 'challenge',
      expires: T0 + 1_800_000,
      reason: 'behaviour/anomaly: rate 120.0/min against a site median of 6.0/min',
    });
    expect(responder.onSignal(signal(0.95), T0 + 60_000)).toEqual([]);
    expect(responder.onSignal(signal(0.95), T0 + 1_800_000)).toHaveLength(1);
    expect(new Responder({ signal: null }).onSignal(signal(1), T0)).toEqual([]);
  });

  it('remembers what it did for an incident across a restart', () => {
    const first = new Responder();
    first.onIncident(incident(), T0);
    const second = new Responder();
    second.restoreIssued('inc-1', JSON.parse(JSON.stringify(first.issuedFor('inc-1'))));
    expect(second.onIncident(incident(), T0 + 1)).toEqual([]);
  });
});
