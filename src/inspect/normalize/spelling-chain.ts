import type { Variant } from '../inspectable.js';
import type { Transform } from '../transform.js';
import { scanValueFlags } from './value-flags.js';

/**
 * A value being normalized step by step. A step runs only when the value holds one of its trigger chars
 * (`ValueFlag` bits), and the flags are rescanned after each change, since decoding can bring in any char.
 */
export class SpellingChain {
  #value: string;
  #transforms: readonly string[];
  #flags: number;

  constructor(variant: Variant, flags: number) {
    this.#value = variant.value;
    this.#transforms = variant.transforms;
    this.#flags = flags;
  }

  /** Applies `transform` when the value holds any of `triggers`; records its name when it changed something. */
  apply(transform: Transform, triggers: number): void {
    if ((this.#flags & triggers) === 0) return;
    const result = transform.apply(this.#value);
    if (!result.changed) return;
    this.#value = result.value;
    this.#transforms = [...this.#transforms, transform.name];
    this.#flags = scanValueFlags(result.value);
  }

  variant(): Variant {
    return { value: this.#value, transforms: this.#transforms };
  }
}
