import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { InfinisecError } from '../../core/index.js';
import type { Endpoint } from './raw-exchange.js';

/** The target of an attack, resolved once: every request goes to `endpoint`, never looked up again. */
export interface AttackTarget {
  /** `http://127.0.0.1:8080`: scheme, host and port of the URL (its path is not used). */
  readonly origin: string;
  /** The Host header sent. */
  readonly host: string;
  readonly hostname: string;
  readonly endpoint: Endpoint;
  /** Every address the name has is loopback. */
  readonly loopback: boolean;
}

/** Finds a name's addresses (the system resolver by default). */
export type Lookup = (hostname: string) => Promise<readonly string[]>;

const systemLookup: Lookup = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped form. */
export function isLoopbackAddress(address: string): boolean {
  const plain = address.toLowerCase().replace(/^::ffff:/, '');
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1' || plain === '0:0:0:0:0:0:0:1';
}

function refuse(detail: string): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'attack', detail);
}

/**
 * Checks and resolves the URL to attack. Only loopback targets are attacked, unless `allowHosts` names the
 * URL's host exactly: a simulator must never be pointed at someone else's site by a typo. A name is
 * resolved here once, and every address it has must be loopback, so that it cannot change under the run.
 *
 * @example await resolveAttackTarget('http://127.0.0.1:8080', [])
 */
export async function resolveAttackTarget(
  url: string,
  allowHosts: readonly string[],
  options: { readonly lookup?: Lookup; readonly verifyTls?: boolean } = {},
): Promise<AttackTarget> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse(`"${url}" is not a URL (e.g. http://127.0.0.1:8080)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw refuse(`"${url}": only http:// and https:// targets`);
  const hostname = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = allowHosts.some((h) => h.toLowerCase().replace(/^\[|\]$/g, '') === hostname);
  let addresses: readonly string[];
  if (isIP(hostname) !== 0) addresses = [hostname];
  else {
    try {
      addresses = await (options.lookup ?? systemLookup)(hostname);
    } catch (cause) {
      throw new InfinisecError('INFINISEC_ERR_CLI_USAGE', 'attack', `cannot resolve ${hostname}`, { cause });
    }
  }
  const loopback = addresses.length > 0 && addresses.every(isLoopbackAddress);
  if (!loopback && !allowed)
    throw refuse(
      `refusing to attack ${hostname}: it is not a loopback address; to attack a host of your own, name it with --allow-host ${hostname}`,
    );
  const address = addresses[0];
  if (address === undefined) throw refuse(`${hostname} has no address`);
  const tls = parsed.protocol === 'https:';
  const port = Number(parsed.port || (tls ? 443 : 80));
  return {
    origin: parsed.origin,
    host: parsed.host,
    hostname,
    endpoint: {
      address,
      port,
      ...(tls
        ? { tls: { servername: isIP(hostname) ? '' : hostname, verify: options.verifyTls ?? true } }
        : {}),
    },
    loopback,
  };
}
