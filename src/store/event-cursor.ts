/** Where a page of events ended: the last event's time and its place in the store's append order. */
export interface EventPosition {
  readonly time: number;
  readonly seq: number;
}

/** Makes the opaque `next` of an event page. */
export function encodeEventCursor(position: EventPosition): string {
  return Buffer.from(JSON.stringify([position.time, position.seq])).toString('base64url');
}

/**
 * Reads a cursor made by `encodeEventCursor`; throws a RangeError for anything else, so that a forged or
 * truncated cursor never silently restarts the listing.
 */
export function decodeEventCursor(cursor: string): EventPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (Array.isArray(parsed) && parsed.length === 2) {
    const [time, seq] = parsed as unknown[];
    if (Number.isFinite(time) && Number.isSafeInteger(seq))
      return { time: time as number, seq: seq as number };
  }
  throw new RangeError('store.events: the cursor is malformed');
}
