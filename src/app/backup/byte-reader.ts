/** Reads a stream of chunks as lines and runs of exact length. */
export class ByteReader {
  readonly #source: AsyncIterator<Buffer>;
  #buffer: Buffer = Buffer.alloc(0);
  #ended = false;

  constructor(source: AsyncIterable<Buffer>) {
    this.#source = source[Symbol.asyncIterator]();
  }

  async #fill(): Promise<boolean> {
    if (this.#ended) return false;
    const next = await this.#source.next();
    if (next.done) {
      this.#ended = true;
      return false;
    }
    this.#buffer = this.#buffer.length === 0 ? next.value : Buffer.concat([this.#buffer, next.value]);
    return true;
  }

  /** The next line without its `\n`; undefined at the end, or past `max` bytes without one. */
  async line(max: number): Promise<string | undefined> {
    for (let from = 0; ; ) {
      const end = this.#buffer.indexOf(10, from);
      if (end >= 0) {
        const text = this.#buffer.subarray(0, end).toString('utf8');
        this.#buffer = this.#buffer.subarray(end + 1);
        return text;
      }
      from = this.#buffer.length;
      if (from > max || !(await this.#fill())) return undefined;
    }
  }

  /** The next `bytes` bytes, chunk by chunk; stops early only at the end of the stream. */
  async *take(bytes: number): AsyncGenerator<Buffer> {
    let left = bytes;
    while (left > 0) {
      if (this.#buffer.length === 0 && !(await this.#fill())) return;
      const piece = this.#buffer.subarray(0, Math.min(left, this.#buffer.length));
      this.#buffer = this.#buffer.subarray(piece.length);
      left -= piece.length;
      yield piece;
    }
  }

  /** Whether the stream has ended with nothing left unread (reads it to its end to know). */
  async atEnd(): Promise<boolean> {
    while (this.#buffer.length === 0) if (!(await this.#fill())) return true;
    return false;
  }
}
