import type { Decision } from '../core/index.js';

/** Port: where decisions are kept, so that they outlive the process and other processes can add some. */
export interface DecisionStore {
  /** Inserts or replaces a decision by id. */
  add(decision: Decision): Promise<void>;
  /** Whether a decision with this id was there. */
  remove(id: string): Promise<boolean>;
  /** The decisions still in force at `now`, oldest first. */
  list(now: number): Promise<Decision[]>;
  /** Removes decisions that expired before `now`; returns how many. */
  prune(now: number): Promise<number>;
  close(): Promise<void>;
}
