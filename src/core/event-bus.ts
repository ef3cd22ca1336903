/** Listener for one topic; it must not throw, and if it does the bus reports it and carries on. */
export type Listener<T> = (payload: T) => void;

/** A typed in-process publish/subscribe bus; delivery is synchronous and in subscription order. */
export interface EventBus<Topics extends object> {
  publish<K extends keyof Topics>(topic: K, payload: Topics[K]): void;
  /** Returns a function that removes the subscription. */
  subscribe<K extends keyof Topics>(topic: K, listener: Listener<Topics[K]>): () => void;
  /** True when someone listens, so a publisher can skip building a payload nobody reads. */
  hasListeners<K extends keyof Topics>(topic: K): boolean;
}

/**
 * Creates an event bus. A listener that throws is reported to `onListenerError` and never reaches the publisher.
 * @example
 * const bus = createEventBus<{ 'security.event': SecurityEvent }>();
 * bus.subscribe('security.event', (e) => console.log(e.id));
 */
export function createEventBus<Topics extends object>(
  onListenerError: (topic: string, err: unknown) => void = () => {},
): EventBus<Topics> {
  const listeners = new Map<keyof Topics, Listener<never>[]>();
  return {
    publish(topic, payload) {
      const list = listeners.get(topic);
      if (list === undefined) return;
      for (const listener of list) {
        try {
          (listener as Listener<typeof payload>)(payload);
        } catch (err) {
          onListenerError(String(topic), err);
        }
      }
    },
    subscribe(topic, listener) {
      // Copy on write: a publish in progress keeps iterating the list it started with.
      listeners.set(topic, [...(listeners.get(topic) ?? []), listener as Listener<never>]);
      return () => {
        const rest = (listeners.get(topic) ?? []).filter((l) => l !== listener);
        if (rest.length === 0) listeners.delete(topic);
        else listeners.set(topic, rest);
      };
    },
    hasListeners(topic) {
      return listeners.has(topic);
    },
  };
}
