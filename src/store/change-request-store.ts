import type { ChangeRequest, ChangeStatus } from '../core/index.js';

/** Which change requests to list. */
export interface ChangeRequestQuery {
  readonly status?: ChangeStatus;
  /** Default 100, capped at 1000; newest first. */
  readonly limit?: number;
}

/** Port: change requests and what became of them. Requests are values, copied in and out. */
export interface ChangeRequestStore {
  /** Stores a new request; rejects when the id is taken. */
  create(request: ChangeRequest): Promise<void>;
  get(id: string): Promise<ChangeRequest | undefined>;
  list(query?: ChangeRequestQuery): Promise<ChangeRequest[]>;
  /**
   * Replaces a request whose stored status is still `expected` (compare and set, so two approvers cannot both
   * apply it); false when it is not there or its status moved on.
   */
  update(request: ChangeRequest, expected: ChangeStatus): Promise<boolean>;
  /** Removes requests decided (not pending) before this epoch millisecond; returns how many. */
  prune(before: number): Promise<number>;
  close(): Promise<void>;
}
