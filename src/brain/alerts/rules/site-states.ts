/**
 * Per-site state, created on first sight and bounded to `max` sites: past it, the site seen least recently
 * goes first, so a flood of made-up host names cannot grow it.
 * @example const states = new SiteStates(1000, () => ({ n: 0 })); states.get('shop').n++;
 */
export class SiteStates<S> {
  readonly #map = new Map<string, S>();
  readonly #max: number;
  readonly #create: (site: string) => S;

  constructor(max: number, create: (site: string) => S) {
    this.#max = max;
    this.#create = create;
  }

  get size(): number {
    return this.#map.size;
  }

  /** The site's state, made now if it had none; the site becomes the most recently seen. */
  get(site: string): S {
    let state = this.#map.get(site);
    if (state !== undefined) {
      this.#map.delete(site);
    } else {
      state = this.#create(site);
      if (this.#map.size >= this.#max) this.#map.delete(this.#map.keys().next().value as string);
    }
    this.#map.set(site, state);
    return state;
  }
}
