import type { ClientIdentity } from './client.js';

/** One client trapped in the labyrinth, and what the maze has cost it so far. */
export interface IntruderSession {
  /** 8 hex characters; every canary served to this client carries it. */
  readonly id: string;
  readonly site: string;
  readonly client: ClientIdentity;
  /** The trap strategy its pages follow (`sql`, `files`, `scanner`, `articles`, `account`, `api`). */
  readonly strategy: string;
  /** Why it was trapped: the verdict reason (`detector/sqli`) or `trap-link`. */
  readonly reason: string;
  /** Epoch milliseconds. */
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** Deepest maze page reached, in clicks from the entrance. */
  readonly depth: number;
  readonly pages: number;
  readonly bytes: number;
  /** Milliseconds its responses were held by the tarpit. */
  readonly heldMs: number;
  readonly canariesIssued: number;
  readonly canariesUsed: number;
}

/** A canary came back: who received it, who used it, and where. */
export interface CanaryUse {
  readonly time: number;
  readonly requestId: string;
  readonly site: string;
  readonly kind: string;
  /** The session the canary was served to. */
  readonly intruder: string;
  /** The client that used it now (maybe another address than the intruder's). */
  readonly client: ClientIdentity;
  /** Where in the request it was found: `target`, `header.authorization`, `body`... */
  readonly location: string;
}
