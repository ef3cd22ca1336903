import { describe, expect, it } from 'vitest';
import { createEventBus } from './event-bus.js';

type T = { a: number; b: string };

describe('createEventBus', () => {
  it('delivers to subscribers in order and stops after unsubscribe', () => {
    const bus = createEventBus<T>();
    const seen: string[] = [];
    const off = bus.subscribe('a', (n) => seen.push(`1:${n}`));
    bus.subscribe('a', (n) => seen.push(`2:${n}`));
    bus.publish('a', 1);
    off();
    bus.publish('a', 2);
    expect(seen).toEqual(['1:1', '2:1', '2:2']);
  });

  it('isolates a throwing listener from the publisher and the other listeners', () => {
    const errors: string[] = [];
    const bus = createEventBus<T>((topic, err) => errors.push(`${topic}:${(err as Error).message}`));
    const seen: string[] = [];
    bus.subscribe('b', () => {
      throw new Error('boom');
    });
    bus.subscribe('b', (s) => seen.push(s));
    expect(() => bus.publish('b', 'x')).not.toThrow();
    expect(seen).toEqual(['x']);
    expect(errors).toEqual(['b:boom']);
  });

  it('reports whether a topic has listeners', () => {
    const bus = createEventBus<T>();
    expect(bus.hasListeners('a')).toBe(false);
    const off = bus.subscribe('a', () => {});
    expect(bus.hasListeners('a')).toBe(true);
    off();
    expect(bus.hasListeners('a')).toBe(false);
  });
});
