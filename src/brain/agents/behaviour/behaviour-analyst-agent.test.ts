import { describe, expect, it } from 'vitest';
import type { BehaviourSignal } from '../../../core/index.js';
import { createMemoryAgentMemoryStore } from '../../../store/index.js';
import { agentMemory } from '../../runtime/agent-memory.js';
import { eventOf } from '../shared/events.testing.js';
import { createBehaviourAnalystAgent } from './behaviour-analyst-agent.js';
import { normalTraffic } from './traffic.testing.js';

const T0 = 1_800_000_000_000;
const bot = (from: number) =>
  Array.from({ length: 30 }, (_, i) =>
    eventOf({ time: from + i * 250, ip: '203.0.113.5', path: '/search', status: 429 }),
  );

describe('createBehaviourAnalystAgent', () => {
  it('publishes signals, and keeps its site baselines in memory across a restart', async () => {
    const store = createMemoryAgentMemoryStore();
    const memory = agentMemory(store, 'behaviour-analyst', () => T0);
    const signals: BehaviourSignal[] = [];
    const agent = createBehaviourAnalystAgent({ publish: (s) => signals.push(s), memory });
    await agent.start!();
    for (const payload of normalTraffic(60, T0)) await agent.handle({ topic: 'security.event', payload });
    await agent.tick!(T0 + 600_000);
    expect((await memory.list()).map((e) => e.key)).toEqual(['baseline:shop']);
    // A restart forgets the clients but not what normal looks like: the bot is judged at once.
    await agent.stop!();
    await agent.start!();
    for (const payload of bot(T0 + 900_000)) await agent.handle({ topic: 'security.event', payload });
    expect(signals.map((s) => s.client.ip)).toEqual(['203.0.113.5']);
    expect(signals[0]!.reasons.some((r) => r.startsWith('errorRatio'))).toBe(true);
  });

  it('learns from nothing without a memory', async () => {
    const signals: BehaviourSignal[] = [];
    const agent = createBehaviourAnalystAgent({ publish: (s) => signals.push(s) });
    await agent.start!();
    for (const payload of bot(T0)) await agent.handle({ topic: 'security.event', payload });
    expect(signals).toEqual([]);
  });
});
