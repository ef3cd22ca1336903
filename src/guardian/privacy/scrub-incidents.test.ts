import { describe, expect, it } from 'vitest';
import type { Incident } from '../../core/index.js';
import { createMemoryIncidentStore } from '../../store/memory/create-memory-incident-store.js';
import type { PrivacyDeps } from './privacy-types.js';
import { ERASED, scrubIncidents } from './scrub-incidents.js';

function incident(id: string, title: string, decisions: string[], clients: string[]): Incident {
  return {
    id,
    title,
    kind: 'client',
    severity: 'high',
    status: 'open',
    site: 'shop',
    clients,
    fingerprints: [],
    categories: ['sqli'],
    events: [],
    eventCount: 1,
    decisions,
    campaign: null,
    firstSeen: 1,
    lastSeen: 2,
    summary: '',
  };
}

describe('scrubIncidents', () => {
  it('rewrites the titles, summaries and decision ids that still name the address', async () => {
    const incidents = createMemoryIncidentStore();
    const deps = { stores: { incidents } } as unknown as PrivacyDeps;
    await incidents.put({
      ...incident(
        'i1',
        'Credential stuffing from 203.0.113.7',
        ['ladder-203.0.113.7', 'manual-1'],
        ['198.51.100.2'],
      ),
      summary: 'Started at 203.0.113.7; 203.0.113.70 joined later.',
    });
    await incidents.put(
      incident('i2', 'Scan from 2001:db8:1:2::/64', ['ladder-2001:db8:1:2::/64'], ['198.51.100.2']),
    );
    await incidents.put(incident('i3', 'Scan from 198.51.100.2', ['manual-2'], ['198.51.100.2']));
    const all = [{ id: 'i1' }, { id: 'i2' }, { id: 'i3' }, { id: 'gone' }] as Incident[];

    expect(await scrubIncidents(deps, all, ['203.0.113.7'])).toBe(1);
    const first = await incidents.get('i1');
    expect(first?.title).toBe(`Credential stuffing from ${ERASED}`);
    expect(first?.summary).toBe(`Started at ${ERASED}; 203.0.113.70 joined later.`);
    expect(first?.decisions).toEqual(['manual-1']);

    expect(await scrubIncidents(deps, all, ['2001:db8:1:2::7', '2001:db8:1:2::/64'])).toBe(1);
    const second = await incidents.get('i2');
    expect(second?.title).toBe(`Scan from ${ERASED}`);
    expect(second?.decisions).toEqual([]);
    expect((await incidents.get('i3'))?.title).toBe('Scan from 198.51.100.2');
  });
});
