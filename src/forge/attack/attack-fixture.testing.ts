import { once } from 'node:events';
import { createServer, type RequestListener, type Server, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AttackTarget, resolveAttackTarget } from './attack-target.js';
import { type AttackRun, runAttack } from './run-attack.js';
import type { Scenario } from './scenario.js';
import { createSourceAddresses } from './source-addresses.js';

/** A site on a free loopback port, as an attack target. */
export interface TestSite {
  readonly server: Server;
  readonly target: AttackTarget;
  close(): Promise<void>;
}

/** Starts `handler` on 127.0.0.1, port 0. */
export async function startSite(handler: RequestListener, options: ServerOptions = {}): Promise<TestSite> {
  const server = createServer(options, handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const target = await resolveAttackTarget(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, []);
  return {
    server,
    target,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Runs scenarios against a target, every client the system's own address unless told otherwise. */
export function attack(
  target: AttackTarget,
  scenarios: readonly Scenario[],
  options: { maxRequests?: number; maxSeconds?: number; distinct?: boolean; spread?: boolean } = {},
): Promise<AttackRun> {
  return runAttack({
    target,
    scenarios,
    maxRequests: options.maxRequests ?? 2000,
    maxSeconds: options.maxSeconds ?? 30,
    seed: 1,
    spread: options.spread ?? false,
    sources: createSourceAddresses(options.distinct ?? false),
  });
}
