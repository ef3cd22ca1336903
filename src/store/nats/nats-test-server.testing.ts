import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll } from 'vitest';
import { type NatsBus, type NatsOptions, openNats } from './open-nats.js';

/** The server the NATS tests use: `INFINISEC_TEST_NATS_URL`, or the local one. */
export const TEST_NATS_URL = process.env.INFINISEC_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

const problem = await connect({ servers: TEST_NATS_URL, timeout: 3000, reconnect: false }).then(
  async (nc) => {
    try {
      await (await jetstreamManager(nc)).getAccountInfo();
      return undefined;
    } finally {
      await nc.close();
    }
  },
  (err: Error) => err.message || String(err),
);
if (problem !== undefined && process.env.CI)
  throw new Error(`nats tests: the server of INFINISEC_TEST_NATS_URL cannot be used: ${problem}`);

/** Whether the NATS tests run; outside CI they are skipped when no server with JetStream answers. */
export const natsReachable = problem === undefined;

/** Fresh stream names for one test file; every bus opened is closed and its streams deleted after it. */
export function testStreams(): {
  options(over?: Partial<NatsOptions>): NatsOptions;
  open(options: NatsOptions): Promise<NatsBus>;
} {
  const opened: NatsBus[] = [];
  const streams: string[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((bus) => bus.close()));
    const nc = await connect({ servers: TEST_NATS_URL, timeout: 3000 });
    try {
      const jsm = await jetstreamManager(nc);
      for (const name of streams) await jsm.streams.delete(name).catch(() => false);
    } finally {
      await nc.close();
    }
  });
  return {
    options(over = {}) {
      const id = randomBytes(5).toString('hex');
      const options: NatsOptions = {
        url: TEST_NATS_URL,
        stream: `INFINISEC_TEST_${id}`,
        subject: `infinisec-test.${id}.events`,
        consumer: 'store',
        maxDeliver: 3,
        duplicateWindowMs: 60_000,
        ...over,
      };
      streams.push(options.stream, `${options.stream}_DEAD`);
      return options;
    },
    async open(options) {
      const bus = await openNats(options);
      opened.push(bus);
      return bus;
    },
  };
}
