import type { Incident } from '../core/index.js';

/** Which incidents to list. */
export interface IncidentQuery {
  readonly status?: Incident['status'];
  readonly site?: string;
  /** Only those seen at or after this epoch millisecond. */
  readonly since?: number;
  /** Only incidents that involve this client address. */
  readonly client?: string;
  /** Default 100, most recently seen first. */
  readonly limit?: number;
}

/** Port: incidents, the stories the brain makes of events. */
export interface IncidentStore {
  /** Inserts or replaces by id. */
  put(incident: Incident): Promise<void>;
  get(id: string): Promise<Incident | undefined>;
  list(query?: IncidentQuery): Promise<Incident[]>;
  /** Removes incidents last seen before this epoch millisecond. */
  prune(before: number): Promise<number>;
  /**
   * Takes this client address out of every incident that involves it; an incident left with no client is
   * removed. Returns how many incidents changed or went.
   */
  eraseClient(ip: string): Promise<number>;
  close(): Promise<void>;
}
