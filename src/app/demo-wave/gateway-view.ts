import { setTimeout as sleep } from 'node:timers/promises';
import type { Decision, IntruderSession, SecurityEvent } from '../../core/index.js';
import type { Infinisec } from '../start-infinisec.js';

/** What the gateway recorded, read the way the control plane reads it: its event store and decisions. */
export interface GatewayView {
  /** The security event of a request, by the request id the client got back. */
  event(requestId: string, client: string): Promise<SecurityEvent | undefined>;
  /** The first decision in force that `accept` takes, once the gateway has stored it. */
  decision(accept: (decision: Decision) => boolean): Promise<Decision | undefined>;
  /** Every decision in force about an address. */
  decisionsOn(address: string): Promise<Decision[]>;
  /** An intruder session of the labyrinth, by id. */
  intruder(id: string): Promise<IntruderSession | undefined>;
}

const POLL_MS = 15;

/**
 * Reads what a running infinisec recorded. Events are written in batches and decisions after the request
 * that made them, so each lookup retries for up to `waitMs` before it gives up.
 */
export function gatewayView(running: Infinisec, waitMs = 3000): GatewayView {
  const until = async <T>(probe: () => Promise<T | undefined>): Promise<T | undefined> => {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const found = await probe();
      if (found !== undefined || Date.now() >= deadline) return found;
      await sleep(POLL_MS);
    }
  };
  const inForce = () => running.stores.decisions.list(Date.now());
  return {
    event: (requestId, client) =>
      until(async () => {
        await running.storage.writer?.flush();
        const page = await running.stores.events.query({ client, limit: 1000 });
        return page.events.find((event) => event.requestId === requestId);
      }),
    decision: (accept) => until(async () => (await inForce()).find(accept)),
    decisionsOn: async (address) => (await inForce()).filter((decision) => decision.value === address),
    intruder: (id) => until(() => running.intruders.get(id)),
  };
}
