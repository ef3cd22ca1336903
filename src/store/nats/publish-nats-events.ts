import type { SecurityEvent } from '../../core/index.js';
import type { EventSink } from '../event-store.js';
import type { NatsBus } from './open-nats.js';

// Longest a batch waits for the server's acknowledgements; past it the batch is tried again later.
const PUBLISH_TIMEOUT_MS = 5000;

/**
 * An event sink that publishes to the JetStream event stream, each event under its id as the message id: a
 * batch published twice (after a lost acknowledgement) is stored once. Resolves when JetStream has every
 * event of the batch; rejects when one is missing, so that the writer keeps the batch and tries again.
 * @example const writer = createEventWriter(publishNatsEvents(bus), { retry: true });
 */
export function publishNatsEvents(bus: NatsBus): EventSink {
  const encoder = new TextEncoder();
  const { subject } = bus.options;
  return {
    async append(events: readonly SecurityEvent[]): Promise<void> {
      if (!bus.connected) throw new Error('store.nats: not connected');
      const acks = await Promise.allSettled(
        events.map((event) =>
          bus.js.publish(subject, encoder.encode(JSON.stringify(event)), {
            msgID: event.id,
            timeout: PUBLISH_TIMEOUT_MS,
          }),
        ),
      );
      const failed = acks.find((ack) => ack.status === 'rejected');
      if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
    },
  };
}
