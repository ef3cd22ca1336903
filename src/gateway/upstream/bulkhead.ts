/**
 * A concurrency cap: at most `limit` requests in at once (0: no cap). A request over it is refused at once
 * rather than queued, so that a slow upstream cannot hold every client connection of the gateway.
 * @example if (!bulkhead.tryEnter()) return busy(); try { ... } finally { bulkhead.leave(); }
 */
export class Bulkhead {
  readonly limit: number;
  #inFlight = 0;

  constructor(limit: number) {
    this.limit = limit;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Takes a place; false when the cap is reached (and nothing was taken). */
  tryEnter(): boolean {
    if (this.limit > 0 && this.#inFlight >= this.limit) return false;
    this.#inFlight++;
    return true;
  }

  /** Gives back a place taken by tryEnter. */
  leave(): void {
    if (this.#inFlight > 0) this.#inFlight--;
  }
}
