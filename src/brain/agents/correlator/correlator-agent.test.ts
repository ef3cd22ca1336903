import { describe, expect, it } from 'vitest';
import type { Incident, SecurityEvent } from '../../../core/index.js';
import { createMemoryIncidentStore, type IncidentStore } from '../../../store/index.js';
import { eventOf } from '../shared/events.testing.js';
import { createCorrelatorAgent } from './correlator-agent.js';

const T0 = 1_800_000_000_000;
const attack = (i: number, ip = '192.0.2.1') => eventOf({ time: T0 + i, ip, findings: ['sqli/union'] });

async function feed(agent: ReturnType<typeof createCorrelatorAgent>, events: readonly SecurityEvent[]) {
  for (const payload of events) await agent.handle({ topic: 'security.event', payload });
}

describe('createCorrelatorAgent', () => {
  it('saves and announces an incident when it opens, and its counts on the tick', async () => {
    const incidents = createMemoryIncidentStore();
    const published: Incident[] = [];
    const agent = createCorrelatorAgent({ incidents, publish: (i) => published.push(i) });
    await agent.start!();
    await feed(agent, [attack(0), attack(1), attack(2)]);
    expect(published).toHaveLength(1);
    const [opened] = await incidents.list();
    expect(opened).toEqual(published[0]);
    await feed(agent, [attack(3)]);
    expect((await incidents.get(opened!.id))!.eventCount).toBe(3);
    await agent.tick!(T0 + 10);
    expect((await incidents.get(opened!.id))!.eventCount).toBe(4);
    expect(published).toHaveLength(1);
  });

  it('goes on with the open incidents of the store after a restart, and keeps a summary written there', async () => {
    const incidents = createMemoryIncidentStore();
    const first = createCorrelatorAgent({ incidents });
    await first.start!();
    await feed(first, [attack(0), attack(1), attack(2)]);
    await first.stop!();
    const [opened] = await incidents.list();
    await incidents.put({ ...opened!, summary: 'An injection attempt from one address.' });
    const second = createCorrelatorAgent({ incidents });
    await second.start!();
    await feed(second, [attack(3)]);
    await second.tick!(T0 + 10);
    expect(await incidents.list()).toMatchObject([
      { id: opened!.id, eventCount: 4, summary: 'An injection attempt from one address.' },
    ]);
  });

  it('resolves quiet incidents on the tick and announces it', async () => {
    const incidents = createMemoryIncidentStore();
    const published: Incident[] = [];
    const agent = createCorrelatorAgent({
      incidents,
      publish: (i) => published.push(i),
      options: { resolveAfterMs: 1000 },
    });
    await agent.start!();
    await feed(agent, [attack(0), attack(1), attack(2)]);
    await agent.tick!(T0 + 2 + 1000);
    expect(published.map((i) => i.status)).toEqual(['open', 'resolved']);
    expect((await incidents.list())[0]!.status).toBe('resolved');
  });

  it('keeps what the store refused, writes and announces it once the store is back', async () => {
    const real = createMemoryIncidentStore();
    let down = true;
    const incidents: IncidentStore = {
      ...real,
      async put(incident) {
        if (down) throw new Error('store.sqlite: database is locked');
        await real.put(incident);
      },
    };
    const published: Incident[] = [];
    const agent = createCorrelatorAgent({ incidents, publish: (i) => published.push(i) });
    await agent.start!();
    await feed(agent, [attack(0), attack(1), attack(2)]);
    expect(published).toEqual([]);
    down = false;
    await agent.tick!(T0 + 10);
    expect(published).toHaveLength(1);
    expect(await real.list()).toEqual(published);
  });
});
