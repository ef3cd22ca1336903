import { describe, expect, it } from 'vitest';
import type { StrategyAdvice } from '../../../core/index.js';
import { eventOf } from '../shared/events.testing.js';
import { sessionOf } from './strategist.testing.js';
import { createStrategistAgent } from './strategist-agent.js';

describe('createStrategistAgent', () => {
  it('advises a better strategy once, from what the intruder sent inside the maze', async () => {
    const advice: StrategyAdvice[] = [];
    const agent = createStrategistAgent({ publish: (a) => advice.push(a) });
    const session = sessionOf({ id: 'cafe0001', strategy: 'articles', lastSeen: 5000 });
    await agent.handle({ topic: 'labyrinth.session', payload: session });
    for (let i = 0; i < 3; i++)
      await agent.handle({
        topic: 'security.event',
        payload: eventOf({ time: 1000 + i, labyrinthSession: 'cafe0001', findings: ['traversal/dotdot'] }),
      });
    // Findings outside the maze, or of another intruder, are not its own.
    await agent.handle({ topic: 'security.event', payload: eventOf({ time: 1, findings: ['sqli/union'] }) });
    expect(advice).toEqual([]);
    await agent.handle({ topic: 'labyrinth.session', payload: { ...session, pages: 11 } });
    await agent.handle({ topic: 'labyrinth.session', payload: { ...session, pages: 12 } });
    expect(advice).toEqual([
      {
        time: 5000,
        site: 'shop',
        intruder: 'cafe0001',
        current: 'articles',
        strategy: 'files',
        reasons: ['its attacks in the maze are traversal: files decoys answer them'],
      },
    ]);
    // Once the labyrinth follows the advice, there is nothing more to say.
    await agent.handle({ topic: 'labyrinth.session', payload: { ...session, strategy: 'files', pages: 13 } });
    expect(advice).toHaveLength(1);
  });
});
