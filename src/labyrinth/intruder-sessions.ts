import type { ClientIdentity, IntruderSession } from '../core/index.js';

/** What a session starts with. */
export interface SessionStart {
  readonly site: string;
  readonly client: ClientIdentity;
  readonly strategy: string;
  readonly reason: string;
}

/** What one maze page added to a session. */
export interface PageServed {
  readonly depth: number;
  readonly bytes: number;
  readonly canaries: number;
}

/** The clients in the labyrinth, by key (site and address prefix), bounded in number and in idle time. */
export interface IntruderSessions {
  /** The live session for a key, or undefined (an idle session past `holdMs` is gone). */
  get(key: string, now: number): IntruderSession | undefined;
  byId(id: string): IntruderSession | undefined;
  open(key: string, start: SessionStart, now: number): IntruderSession;
  served(id: string, page: PageServed, now: number): IntruderSession | undefined;
  held(id: string, ms: number): IntruderSession | undefined;
  canaryUsed(id: string): IntruderSession | undefined;
  list(): IntruderSession[];
  /** New bounds; a smaller table evicts its least recently seen sessions at the next open. */
  configure(bounds: { readonly holdMs: number; readonly max: number }): void;
  readonly size: number;
}

/** Options of the session table; `newId` makes 8-hex-digit ids (random in the gateway, counted in tests). */
export interface IntruderSessionOptions {
  readonly holdMs: number;
  readonly max: number;
  readonly newId: () => string;
}

/**
 * Creates the session table. Sessions live in insertion order of their last visit, so the least recently
 * seen is evicted first when the table is full.
 *
 * @example const sessions = createIntruderSessions({ holdMs: 3_600_000, max: 100_000, newId });
 */
export function createIntruderSessions(initial: IntruderSessionOptions): IntruderSessions {
  let options = initial;
  const byKey = new Map<string, IntruderSession>();
  const keyOf = new Map<string, string>();

  const replace = (id: string, change: (s: IntruderSession) => IntruderSession) => {
    const key = keyOf.get(id);
    const current = key === undefined ? undefined : byKey.get(key);
    if (key === undefined || current === undefined) return undefined;
    const next = change(current);
    byKey.delete(key);
    byKey.set(key, next);
    return next;
  };

  const drop = (key: string) => {
    const session = byKey.get(key);
    if (session === undefined) return;
    byKey.delete(key);
    keyOf.delete(session.id);
  };

  return {
    get size() {
      return byKey.size;
    },
    get(key, now) {
      const session = byKey.get(key);
      if (session === undefined) return undefined;
      if (now - session.lastSeen > options.holdMs) {
        drop(key);
        return undefined;
      }
      return session;
    },
    byId(id) {
      const key = keyOf.get(id);
      return key === undefined ? undefined : byKey.get(key);
    },
    open(key, start, now) {
      drop(key);
      while (byKey.size >= options.max) drop(byKey.keys().next().value!);
      let id = options.newId();
      while (keyOf.has(id)) id = options.newId();
      const session: IntruderSession = {
        id,
        site: start.site,
        client: start.client,
        strategy: start.strategy,
        reason: start.reason,
        firstSeen: now,
        lastSeen: now,
        depth: 0,
        pages: 0,
        bytes: 0,
        heldMs: 0,
        canariesIssued: 0,
        canariesUsed: 0,
      };
      byKey.set(key, session);
      keyOf.set(id, key);
      return session;
    },
    served(id, page, now) {
      return replace(id, (s) => ({
        ...s,
        lastSeen: now,
        depth: Math.max(s.depth, page.depth),
        pages: s.pages + 1,
        bytes: s.bytes + page.bytes,
        canariesIssued: s.canariesIssued + page.canaries,
      }));
    },
    held(id, ms) {
      return replace(id, (s) => ({ ...s, heldMs: s.heldMs + ms }));
    },
    canaryUsed(id) {
      return replace(id, (s) => ({ ...s, canariesUsed: s.canariesUsed + 1 }));
    },
    list() {
      return [...byKey.values()];
    },
    configure(bounds) {
      options = { ...options, holdMs: bounds.holdMs, max: bounds.max };
    },
  };
}
