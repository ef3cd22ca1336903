/**
 * A first-in first-out queue of fixed capacity on a ring buffer: `push` refuses when full, and neither push
 * nor shift allocates.
 * @example const queue = new BoundedQueue<string>(2); queue.push('a'); queue.shift(); // 'a'
 */
export class BoundedQueue<T> {
  readonly capacity: number;
  readonly #items: (T | undefined)[];
  #head = 0;
  #size = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`brain: a queue holds at least 1 message, not ${capacity}`);
    this.capacity = capacity;
    this.#items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.#size;
  }

  /** Adds at the tail; false, and nothing added, when the queue is full. */
  push(item: T): boolean {
    if (this.#size === this.capacity) return false;
    this.#items[(this.#head + this.#size) % this.capacity] = item;
    this.#size++;
    return true;
  }

  /** Takes from the head; undefined when empty. */
  shift(): T | undefined {
    if (this.#size === 0) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head = (this.#head + 1) % this.capacity;
    this.#size--;
    return item;
  }

  /** Empties the queue; returns how many items it held. */
  clear(): number {
    const dropped = this.#size;
    this.#items.fill(undefined);
    this.#head = 0;
    this.#size = 0;
    return dropped;
  }
}
