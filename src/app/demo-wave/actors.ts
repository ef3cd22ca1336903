import { InfinisecError } from '../../core/index.js';

/** One client of the wave: a name for the timeline and the loopback address its sockets are bound to. */
export interface Actor {
  readonly name: string;
  readonly address: string;
  /** The User-Agent it sends. */
  readonly userAgent: string;
}

/** Everyone who takes part in the wave. */
export interface Actors {
  readonly shopper: Actor;
  readonly attacker: Actor;
  readonly scanner: Actor;
  readonly partner: Actor;
  readonly stuffer: Actor;
}

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const NIKTO = 'Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000003)';
const SCRIPT = 'python-requests/2.32.3';

// Host part of each actor in its /24; .1 is left to the person who opens the dashboard or the shop.
const ROLES = [
  ['shopper', 2, BROWSER],
  ['attacker', 3, BROWSER],
  ['scanner', 4, NIKTO],
  ['partner', 5, SCRIPT],
  ['stuffer', 6, SCRIPT],
] as const;

/**
 * The actors, each on its own loopback address (Linux routes all of 127.0.0.0/8 to the loopback interface).
 * They live in the first 127.0.N.0/24 none of whose addresses is `taken` — by a decision or an intruder
 * session kept from an earlier run in the same data dir — so old bans cannot spoil a new wave.
 * @example chooseActors(new Set()).scanner.address // '127.0.0.4'
 */
export function chooseActors(taken: ReadonlySet<string>): Actors {
  for (let block = 0; block < 256; block++) {
    const addresses = ROLES.map(([, host]) => `127.0.${block}.${host}`);
    if (addresses.some((address) => taken.has(address))) continue;
    const entries = ROLES.map(([name, , userAgent], i) => [
      name,
      { name, address: addresses[i]!, userAgent },
    ]);
    return Object.fromEntries(entries) as unknown as Actors;
  }
  throw new InfinisecError(
    'INFINISEC_ERR_STATE',
    'demo',
    'every 127.0.N.0/24 block holds a decision or a maze session from an earlier run: use a fresh --data-dir',
  );
}
