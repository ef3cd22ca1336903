/**
 * A memo that forgets everything when full: a flood of distinct keys (sites, depths) costs no more than
 * having no memo, and memory stays bounded.
 * @example const memo = new BoundedMemo<string, number>(1024); memo.get(k, () => compute(k));
 */
export class BoundedMemo<K, V> {
  readonly #entries = new Map<K, V>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** The value remembered for `key`, made by `make` when there is none. */
  get(key: K, make: () => V): V {
    let value = this.#entries.get(key);
    if (value === undefined) {
      if (this.#entries.size >= this.#limit) this.#entries.clear();
      value = make();
      this.#entries.set(key, value);
    }
    return value;
  }
}
