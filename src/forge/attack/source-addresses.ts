import { randomInt } from 'node:crypto';
import { createServer } from 'node:net';

/** Local addresses to send from, one per simulated client. */
export interface SourceAddresses {
  /** Each client has an address of its own; false: they all share the system's. */
  readonly distinct: boolean;
  /** The address of a new client; undefined: the system's own. */
  next(): string | undefined;
}

/**
 * True when this system can send from any address of 127.0.0.0/8 (Linux can; macOS has only 127.0.0.1):
 * tries to bind one.
 */
export function canSendFromLoopbackRange(): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host: `127.${randomInt(1, 255)}.${randomInt(0, 256)}.1`, port: 0 }, () =>
      probe.close(() => resolve(true)),
    );
  });
}

/**
 * Addresses of simulated clients: with `distinct`, a new one of 127.0.0.0/8 per client, from a block picked
 * at random for each run (so that what the gateway decided about the last run's clients does not answer
 * this one's); otherwise none, and every client is the system's own address.
 *
 * @example const sources = createSourceAddresses(await canSendFromLoopbackRange()); sources.next() // '127.52.3.1'
 */
export function createSourceAddresses(distinct: boolean, block = randomInt(1, 255) * 256): SourceAddresses {
  let n = 0;
  return {
    distinct,
    next: () => {
      if (!distinct) return undefined;
      const host = n % 254;
      const net = (block + Math.floor(n / 254)) % 65_536;
      n++;
      return `127.${net >> 8 || 1}.${net & 255}.${host + 1}`;
    },
  };
}
