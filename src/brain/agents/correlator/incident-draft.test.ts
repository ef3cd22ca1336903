import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../core/index.js';
import { eventOf } from '../shared/events.testing.js';
import { DEFAULT_CORRELATOR_OPTIONS } from './correlator-options.js';
import { eventTraits } from './event-traits.js';
import { IncidentDraft } from './incident-draft.js';

const stored: Incident = {
  id: 'inc-9',
  title: 'Campaign of scanner from 2 addresses on shop',
  kind: 'campaign',
  severity: 'high',
  status: 'contained',
  site: 'shop',
  clients: ['192.0.2.1', '2001:db8::/64'],
  fingerprints: ['fp-1'],
  categories: ['scanner'],
  events: ['e2', 'e1'],
  eventCount: 40,
  decisions: ['d1'],
  campaign: 'shop:scanner',
  firstSeen: 100,
  lastSeen: 900,
  summary: 'Two addresses probing for admin pages.',
};

describe('IncidentDraft', () => {
  it('gives back the incident it was made from', () => {
    expect(IncidentDraft.of(stored).toIncident()).toStrictEqual(stored);
  });

  it('keeps the latest events first and bounded', () => {
    const draft = new IncidentDraft('shop', 0);
    for (let i = 0; i < 60; i++) {
      const event = eventOf({ id: `e${i}`, time: i, findings: ['sqli/union'] });
      draft.addEvent(event, eventTraits(event, DEFAULT_CORRELATOR_OPTIONS));
    }
    const incident = draft.toIncident();
    expect(incident.events).toHaveLength(50);
    expect(incident.events[0]).toBe('e59');
    expect(incident).toMatchObject({ eventCount: 60, firstSeen: 0, lastSeen: 59, categories: ['sqli'] });
  });

  it('takes in another draft: clients, counts, facts and times', () => {
    const a = IncidentDraft.of({ ...stored, kind: 'client', campaign: null, categories: ['sqli'] });
    const b = new IncidentDraft('shop', 50);
    b.addClient('198.51.100.1');
    b.markStuffing();
    b.eventCount = 5;
    a.absorb(b);
    expect(a.kindOf()).toBe('credential-stuffing');
    expect(a.toIncident()).toMatchObject({
      clients: ['192.0.2.1', '2001:db8::/64', '198.51.100.1'],
      categories: ['sqli', 'credential-stuffing'],
      eventCount: 45,
      firstSeen: 50,
      lastSeen: 900,
    });
  });
});
