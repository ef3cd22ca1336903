import { describe, expect, it } from 'vitest';
import { createEventBus, type SecurityEvent, type Topics } from '../../core/index.js';
import type { Agent } from './agent.js';
import type { AgentHealth } from './agent-health.js';
import { createAgentRuntime } from './create-agent-runtime.js';
import { until } from './runtime.testing.js';

const event = (i: number) => ({ id: `e${i}`, time: i }) as SecurityEvent;

describe('a crashing agent', () => {
  it('is restarted, then stopped for good, while the publisher and the other agents carry on', async () => {
    const listenerErrors: unknown[] = [];
    const bus = createEventBus<Topics>((_, err) => listenerErrors.push(err));
    let handled = 0;
    const crasher: Agent<Topics, 'security.event'> = {
      id: 'crasher',
      topics: ['security.event'],
      handle({ payload }) {
        handled++;
        throw new Error(`cannot digest ${payload.id}`);
      },
    };
    const counted = new Set<string>();
    const counter: Agent<Topics, 'security.event'> = {
      id: 'counter',
      topics: ['security.event'],
      handle: ({ payload }) => void counted.add(payload.id),
    };
    let ticks = 0;
    const patient: Agent<Topics, 'security.event'> = {
      id: 'patient',
      topics: ['security.event'],
      async handle() {
        await Promise.resolve();
      },
      tickMs: 3_600_000,
      tick: () => void ticks++,
    };
    const stopped: AgentHealth[] = [];
    const runtime = createAgentRuntime(bus, [crasher, counter, patient], {
      restart: { initialDelayMs: 5, factor: 2, maxDelayMs: 50, maxCrashes: 4, windowMs: 60_000 },
      onAgentStopped: (health) => stopped.push(health),
    });
    await runtime.start();

    let published = 0;
    for (let wave = 0; wave < 6; wave++) {
      expect(() => {
        for (let i = 0; i < 2000; i++) bus.publish('security.event', event(published++));
      }).not.toThrow();
      runtime.tick('patient');
      // Let the runtime work between waves: restarts happen while the publishing goes on.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await until(() => stopped.length === 1, 'the crasher’s breaker');
    await runtime.idle();

    expect(listenerErrors).toEqual([]);
    expect(counted.size).toBe(published);
    const health = Object.fromEntries(runtime.health().map((h) => [h.id, h]));
    expect(health.counter).toMatchObject({ state: 'running', processed: 12_000, failed: 0, dropped: 0 });
    expect(health.patient).toMatchObject({ state: 'running', processed: 12_000, failed: 0, dropped: 0 });
    expect(ticks).toBeGreaterThan(0);
    expect(health.crasher).toMatchObject({
      state: 'stopped',
      failed: 4,
      restarts: 3,
      processed: 0,
      queueDepth: 0,
    });
    expect(handled).toBe(4);
    expect(health.crasher!.stoppedReason).toMatch(
      /^4 crashes within 60000 ms \(limit 4\); last: cannot digest e\d+$/,
    );
    // What was queued for it when it stopped is dropped; what came after never reached it.
    expect(health.crasher!.dropped).toBeGreaterThan(0);
    expect(health.crasher!.dropped).toBeLessThanOrEqual(published - 4);
    expect(stopped[0]!.id).toBe('crasher');
    expect(runtime.metrics().totals).toMatchObject({ running: 2, stopped: 1, failed: 4, queued: 0 });
    await runtime.stop();
  });
});
