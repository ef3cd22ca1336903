import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../core/index.js';
import { createIncidentHighRule } from './incident-high-rule.js';

const incident = (overrides: Partial<Incident> = {}): Incident => ({
  id: 'inc-1',
  title: 'SQL injection campaign',
  kind: 'campaign',
  severity: 'high',
  status: 'open',
  site: 'shop',
  clients: ['198.51.100.7', '198.51.100.8'],
  fingerprints: ['fp-1'],
  categories: ['sqli'],
  events: ['e1'],
  eventCount: 120,
  decisions: [],
  campaign: 'shop:sqli',
  firstSeen: 1000,
  lastSeen: 2000,
  summary: '',
  ...overrides,
});

describe('incident-high rule', () => {
  it('raises an alert for an open high or critical incident, grouped by incident', () => {
    const rule = createIncidentHighRule();
    const [high] = rule.observe({ kind: 'incident', incident: incident() }, 3000);
    expect(high).toMatchObject({
      rule: 'incident-high',
      severity: 'warning',
      site: 'shop',
      subject: 'inc-1',
      time: 2000,
    });
    expect(high?.title).toBe('High incident on shop: SQL injection campaign');
    expect(high?.facts).toContainEqual({ label: 'Clients', value: '198.51.100.7, 198.51.100.8' });
    expect(high?.facts).toContainEqual({ label: 'Campaign', value: 'shop:sqli' });
    const [critical] = rule.observe({ kind: 'incident', incident: incident({ severity: 'critical' }) }, 3000);
    expect(critical?.severity).toBe('critical');
  });

  it('stays quiet for low and medium incidents, and for contained or resolved ones unless told', () => {
    const rule = createIncidentHighRule();
    for (const change of [
      { severity: 'low' },
      { severity: 'medium' },
      { status: 'contained' },
      { status: 'resolved' },
    ] as const)
      expect(rule.observe({ kind: 'incident', incident: incident(change) }, 0)).toEqual([]);
    const contained = incident({ status: 'contained' });
    expect(
      createIncidentHighRule({ statuses: ['open', 'contained'] }).observe(
        { kind: 'incident', incident: contained },
        0,
      ),
    ).toHaveLength(1);
  });

  it('takes other severities when told, and cleans the title and long lists', () => {
    const rule = createIncidentHighRule({ severities: ['medium'] });
    const clients = Array.from({ length: 50 }, (_, i) => `10.0.0.${i}`);
    const [alert] = rule.observe(
      { kind: 'incident', incident: incident({ severity: 'medium', title: 'x\n<!channel>', clients }) },
      0,
    );
    expect(alert?.title).toBe('Medium incident on shop: x <!channel>');
    expect(alert?.facts.find((f) => f.label === 'Clients')?.value).toMatch(/, \+45$/);
  });

  it('refuses an unknown incident severity or status', () => {
    expect(() => createIncidentHighRule({ severities: ['huge' as never] })).toThrow(/severities/);
    expect(() => createIncidentHighRule({ statuses: ['closed' as never] })).toThrow(/statuses/);
  });
});
