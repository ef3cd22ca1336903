import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../core/index.js';
import type { Agent, TopicMessage } from './agent.js';
import type { AgentHealth } from './agent-health.js';
import { createAgentRuntime } from './create-agent-runtime.js';
import { until } from './runtime.testing.js';

type T = { n: number; s: string };

function recorder(id: string, topics: (keyof T)[] = ['n']) {
  const seen: TopicMessage<T>[] = [];
  const agent: Agent<T> = { id, topics, handle: (message) => void seen.push(message) };
  return { agent, seen };
}

const fast = { initialDelayMs: 1, factor: 2, maxDelayMs: 10, maxCrashes: 3, windowMs: 60_000 };
const healthOf = (runtime: { health(): AgentHealth[] }, id: string) =>
  runtime.health().find((h) => h.id === id)!;

describe('createAgentRuntime', () => {
  it('delivers off the publisher’s stack, in order, only the topics an agent names', async () => {
    const bus = createEventBus<T>();
    const numbers = recorder('numbers');
    const both = recorder('both', ['n', 's']);
    const runtime = createAgentRuntime(bus, [numbers.agent, both.agent]);
    await runtime.start();
    bus.publish('n', 1);
    bus.publish('s', 'x');
    bus.publish('n', 2);
    expect(numbers.seen).toEqual([]);
    await runtime.idle();
    expect(numbers.seen).toEqual([
      { topic: 'n', payload: 1 },
      { topic: 'n', payload: 2 },
    ]);
    expect(both.seen.map((m) => m.payload)).toEqual([1, 'x', 2]);
    expect(healthOf(runtime, 'both')).toMatchObject({ state: 'running', processed: 3, queueDepth: 0 });
    await runtime.stop();
  });

  it('queues only what an agent accepts, and skips a message whose filter throws', async () => {
    const bus = createEventBus<T>();
    const evens = recorder('evens');
    const agent: Agent<T> = {
      ...evens.agent,
      accepts: (message) => {
        if (message.payload === 7) throw new Error('filter bug');
        return (message.payload as number) % 2 === 0;
      },
    };
    const runtime = createAgentRuntime(bus, [agent]);
    await runtime.start();
    for (let n = 0; n < 10; n++) bus.publish('n', n);
    await runtime.idle();
    expect(evens.seen.map((m) => m.payload)).toEqual([0, 2, 4, 6, 8]);
    expect(healthOf(runtime, 'evens')).toMatchObject({ processed: 5, dropped: 0 });
    await runtime.stop();
  });

  it('drops what overflows a queue and counts it', async () => {
    const bus = createEventBus<T>();
    const { agent, seen } = recorder('small');
    const runtime = createAgentRuntime(bus, [agent], { queueCapacity: 5 });
    await runtime.start();
    for (let i = 0; i < 20; i++) bus.publish('n', i);
    expect(healthOf(runtime, 'small')).toMatchObject({ queueDepth: 5, queueCapacity: 5, dropped: 15 });
    await runtime.idle();
    expect(seen.map((m) => m.payload)).toEqual([0, 1, 2, 3, 4]);
    expect(runtime.metrics().totals).toMatchObject({ processed: 5, dropped: 15, queued: 0, running: 1 });
    await runtime.stop();
  });

  it('hands an agent one message at a time, even when it works asynchronously', async () => {
    const bus = createEventBus<T>();
    let inHand = 0;
    let most = 0;
    const order: number[] = [];
    const agent: Agent<T> = {
      id: 'slow',
      topics: ['n'],
      async handle({ payload }) {
        most = Math.max(most, ++inHand);
        await new Promise((resolve) => setImmediate(resolve));
        order.push(payload as number);
        inHand--;
      },
    };
    const runtime = createAgentRuntime(bus, [agent], { maxBatch: 3 });
    await runtime.start();
    for (let i = 0; i < 10; i++) bus.publish('n', i);
    await runtime.idle();
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(1);
    await runtime.stop();
  });

  it('runs ticks between messages with the runtime’s clock', async () => {
    const bus = createEventBus<T>();
    const ticks: number[] = [];
    const agent: Agent<T> = {
      id: 'ticker',
      topics: ['n'],
      handle() {},
      tickMs: 3_600_000,
      tick: (now) => void ticks.push(now),
    };
    const runtime = createAgentRuntime(bus, [agent], { now: () => 42 });
    await runtime.start();
    runtime.tick('other');
    await runtime.idle();
    expect(ticks).toEqual([]);
    runtime.tick();
    runtime.tick();
    await runtime.idle();
    expect(ticks).toEqual([42]);
    await runtime.stop();
  });

  it('restarts an agent that crashed, after a backoff, with what arrived meanwhile', async () => {
    const bus = createEventBus<T>();
    const calls: string[] = [];
    const agent: Agent<T> = {
      id: 'flaky',
      topics: ['n'],
      start: () => void calls.push('start'),
      stop: () => void calls.push('stop'),
      handle({ payload }) {
        if (payload === 2) throw new Error('cannot handle 2');
        calls.push(`handle ${payload}`);
      },
    };
    const runtime = createAgentRuntime(bus, [agent], { restart: { ...fast, initialDelayMs: 20 } });
    await runtime.start();
    bus.publish('n', 1);
    bus.publish('n', 2);
    bus.publish('n', 3);
    await until(() => healthOf(runtime, 'flaky').state === 'restarting', 'the crash');
    expect(healthOf(runtime, 'flaky')).toMatchObject({
      failed: 1,
      processed: 1,
      queueDepth: 1,
      lastError: { message: 'cannot handle 2' },
    });
    bus.publish('n', 4);
    await runtime.idle();
    expect(calls).toEqual(['start', 'handle 1', 'stop', 'start', 'handle 3', 'handle 4']);
    expect(healthOf(runtime, 'flaky')).toMatchObject({ state: 'running', restarts: 1, processed: 3 });
    await runtime.stop();
  });

  it('stops an agent for good after too many crashes in the window, saying why', async () => {
    const bus = createEventBus<T>();
    const stopped: AgentHealth[] = [];
    const broken: Agent<T> = {
      id: 'broken',
      topics: ['n'],
      handle({ payload }) {
        throw new Error(`bad ${payload}`);
      },
    };
    const runtime = createAgentRuntime(bus, [broken], {
      restart: fast,
      onAgentStopped: (health) => stopped.push(health),
    });
    await runtime.start();
    for (let i = 0; i < 10; i++) bus.publish('n', i);
    await until(() => stopped.length === 1, 'the breaker');
    const health = healthOf(runtime, 'broken');
    expect(health).toMatchObject({ state: 'stopped', failed: 3, restarts: 2, dropped: 7, queueDepth: 0 });
    expect(health.stoppedReason).toBe('3 crashes within 60000 ms (limit 3); last: bad 2');
    expect(stopped[0]).toEqual(health);
    bus.publish('n', 11);
    expect(healthOf(runtime, 'broken').dropped).toBe(7);
    await runtime.idle();
    await runtime.stop();
    expect(healthOf(runtime, 'broken').stoppedReason).toMatch(/^3 crashes/);
  });

  it('counts a start that throws and an asynchronous call that hangs as crashes', async () => {
    const bus = createEventBus<T>();
    let starts = 0;
    const seen: number[] = [];
    const agent: Agent<T> = {
      id: 'shaky',
      topics: ['n'],
      start() {
        if (++starts === 1) throw new Error('no state yet');
      },
      handle({ payload }) {
        if (payload === 0) return new Promise(() => {});
        seen.push(payload as number);
      },
    };
    const runtime = createAgentRuntime(bus, [agent], { restart: fast, callTimeoutMs: 20 });
    await runtime.start();
    expect(healthOf(runtime, 'shaky')).toMatchObject({ state: 'restarting', failed: 1 });
    bus.publish('n', 0);
    bus.publish('n', 1);
    await until(() => seen.length === 1, 'the message after the hang');
    await runtime.idle();
    expect(healthOf(runtime, 'shaky')).toMatchObject({
      state: 'running',
      failed: 2,
      restarts: 2,
      lastError: { message: 'handle took longer than 20 ms' },
    });
    await runtime.stop();
  });

  it('lets queued messages be handled when stopped, then stops each agent and hears no more', async () => {
    const bus = createEventBus<T>();
    const { agent, seen } = recorder('drained');
    let stops = 0;
    const runtime = createAgentRuntime(bus, [{ ...agent, stop: () => void stops++ }]);
    await runtime.start();
    for (let i = 0; i < 5; i++) bus.publish('n', i);
    await runtime.stop();
    expect(seen).toHaveLength(5);
    expect(stops).toBe(1);
    bus.publish('n', 9);
    expect(bus.hasListeners('n')).toBe(false);
    expect(healthOf(runtime, 'drained')).toMatchObject({
      state: 'stopped',
      stoppedReason: 'runtime stopped',
    });
  });

  it('refuses two agents with one name', () => {
    const bus = createEventBus<T>();
    expect(() => createAgentRuntime(bus, [recorder('a').agent, recorder('a').agent])).toThrow(/two agents/);
  });
});
