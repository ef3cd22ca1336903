/** The stretches of a text that parsed as tags. */
export class TagSpans {
  readonly #starts: number[] = [];
  readonly #ends: number[] = [];

  add(start: number, end: number): void {
    this.#starts.push(start);
    this.#ends.push(end);
  }

  /** True when `at` lies inside some tag. A linear look: a value holds at most a few hundred tags. */
  covers(at: number): boolean {
    for (let i = 0; i < this.#starts.length; i++) {
      if (at >= this.#starts[i]! && at < this.#ends[i]!) return true;
    }
    return false;
  }

  /** The text outside every tag, each tag replaced by a space so that words on either side stay apart. */
  outside(text: string, end: number): string {
    if (this.#starts.length === 0) return end === text.length ? text : text.slice(0, end);
    let out = '';
    let at = 0;
    for (let i = 0; i < this.#starts.length; i++) {
      const start = this.#starts[i]!;
      if (start > at) out += `${text.slice(at, start)} `;
      at = Math.max(at, this.#ends[i]!);
    }
    return at < end ? out + text.slice(at, end) : out;
  }
}
