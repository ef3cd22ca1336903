import type { Prng } from '../../random/prng.js';
import { FIRST_NAMES, LAST_NAMES } from '../../words/person-names.js';

/** A made-up user of the decoy site. */
export interface DecoyPerson {
  readonly name: string;
  readonly username: string;
}

/** A plausible person with a username in one of the usual house styles. */
export function decoyPerson(rng: Prng): DecoyPerson {
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const style = rng.below(3);
  const username =
    style === 0
      ? `${first}.${last}`.toLowerCase()
      : style === 1
        ? `${first[0]}${last}`.toLowerCase()
        : `${first.toLowerCase()}${rng.between(1, 99)}`;
  return { name: `${first} ${last}`, username };
}
