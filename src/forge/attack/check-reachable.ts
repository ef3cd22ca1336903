import { serializeRequest } from './attack-request.js';
import type { AttackTarget } from './attack-target.js';
import { exchange } from './raw-exchange.js';

/**
 * Asks the target for `/` once, before any attack: undefined when something answers (whatever it says),
 * else why nothing did (ECONNREFUSED, a certificate error, `timeout`), so that a run is not wasted on a
 * target that is down.
 */
export async function unreachableReason(
  target: AttackTarget,
  localAddress?: string,
  timeoutMs = 5000,
): Promise<string | undefined> {
  const request = serializeRequest({ method: 'GET', target: '/', headers: [['Accept', '*/*']] }, target.host);
  const reply = await exchange(target.endpoint, request, { localAddress, timeoutMs, stopAtHead: () => true });
  if (reply.head !== undefined) return undefined;
  return reply.errorCode ?? (reply.ending === 'timeout' ? 'no answer in time' : 'the connection was closed');
}
