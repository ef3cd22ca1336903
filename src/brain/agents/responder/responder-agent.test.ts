import { describe, expect, it } from 'vitest';
import type { Decision, Incident } from '../../../core/index.js';
import { createMemoryAgentMemoryStore } from '../../../store/index.js';
import { agentMemory } from '../../runtime/agent-memory.js';
import { createResponderAgent } from './responder-agent.js';

const T0 = 1_800_000_000_000;
const incident: Incident = {
  id: 'inc-7',
  title: 'Credential stuffing from 203.0.113.50',
  kind: 'credential-stuffing',
  severity: 'medium',
  status: 'open',
  site: 'shop',
  clients: ['203.0.113.50'],
  fingerprints: [],
  categories: ['credential-stuffing'],
  events: [],
  eventCount: 10,
  decisions: [],
  campaign: null,
  firstSeen: T0,
  lastSeen: T0,
  summary: '',
};

describe('createResponderAgent', () => {
  it('emits decisions for incidents, and after a restart does not take them again', async () => {
    const memory = agentMemory(createMemoryAgentMemoryStore(), 'responder', () => T0);
    const emitted: Decision[] = [];
    const make = () => createResponderAgent({ emit: (d) => emitted.push(d), memory, now: () => T0 });
    const first = make();
    await first.start!();
    await first.handle({ topic: 'brain.incident', payload: incident });
    expect(emitted.map((d) => [d.value, d.action])).toEqual([['203.0.113.50', 'challenge']]);
    const second = make();
    await second.start!();
    await second.handle({ topic: 'brain.incident', payload: { ...incident, eventCount: 50 } });
    expect(emitted).toHaveLength(1);
  });

  it('hears decisions made elsewhere', async () => {
    const emitted: Decision[] = [];
    const agent = createResponderAgent({ emit: (d) => emitted.push(d), now: () => T0 });
    await agent.start!();
    const ban: Decision = {
      id: 'canary-1',
      scope: 'ip',
      value: '203.0.113.50',
      action: 'block',
      reason: 'canary/used',
      source: 'canary',
      created: T0,
      expires: T0 + 60_000,
      createdBy: 'labyrinth',
    };
    await agent.handle({ topic: 'decision.made', payload: ban });
    await agent.handle({ topic: 'brain.incident', payload: incident });
    expect(emitted).toEqual([]);
  });

  it('refuses a policy whose allow list is not made of addresses', () => {
    expect(() => createResponderAgent({ emit() {}, policy: { allowList: ['not-an-address'] } })).toThrow(
      TypeError,
    );
  });
});
