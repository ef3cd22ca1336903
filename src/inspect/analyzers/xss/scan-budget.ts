/**
 * Bounds the deep work one scan may do (re-reading attribute values, CSS, nested markup, code tails), so
 * that a value built to be expensive costs no more than a cap; what the budget cannot pay for is skipped.
 */
export class ScanBudget {
  #left: number;

  constructor(units: number) {
    this.#left = units;
  }

  /** Takes `units` when there are that many left; false, taking nothing, when there are not. */
  spend(units: number): boolean {
    if (units > this.#left) return false;
    this.#left -= units;
    return true;
  }
}
