/** Where an agent stands: starting, handling messages, waiting out a backoff after a crash, or stopped. */
export type AgentState = 'starting' | 'running' | 'restarting' | 'stopped';

/** The last fault of an agent. */
export interface AgentFault {
  readonly message: string;
  /** Epoch milliseconds. */
  readonly time: number;
}

/** How one agent is doing. */
export interface AgentHealth {
  readonly id: string;
  readonly state: AgentState;
  readonly topics: readonly string[];
  readonly queueDepth: number;
  readonly queueCapacity: number;
  /** Messages handled without an exception. */
  readonly processed: number;
  /** Messages and ticks that threw (or timed out). */
  readonly failed: number;
  /** Messages never handed to it: its queue was full, or it was stopped with messages waiting. */
  readonly dropped: number;
  readonly restarts: number;
  readonly lastError: AgentFault | null;
  /** Why it is stopped: `not started`, `runtime stopped`, or the crashes that tripped its breaker. */
  readonly stoppedReason: string | null;
}

/** Every agent's health at one moment, and the sums over them. */
export interface AgentRuntimeMetrics {
  /** Epoch milliseconds. */
  readonly time: number;
  readonly agents: readonly AgentHealth[];
  readonly totals: {
    readonly processed: number;
    readonly failed: number;
    readonly dropped: number;
    readonly restarts: number;
    readonly queued: number;
    readonly running: number;
    readonly restarting: number;
    readonly stopped: number;
  };
}
