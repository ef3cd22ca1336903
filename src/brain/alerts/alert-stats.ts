/** Counters of one channel since start. */
export interface AlertChannelStats {
  readonly name: string;
  /** Messages the channel took (2xx). */
  readonly sent: number;
  /** Messages that failed after every try. */
  readonly failed: number;
  /** Tries after the first, over all messages. */
  readonly retries: number;
  /** Messages not sent because the channel's rate or the global cap was spent. */
  readonly droppedRateLimit: number;
  /** Messages not sent because too many deliveries were under way. */
  readonly droppedInFlight: number;
}

/** A snapshot of the alerter's counters since start, for metrics. */
export interface AlertStats {
  /** Alerts the rules raised. */
  readonly raised: number;
  /** Alerts that opened a group (and were handed to the channels). */
  readonly grouped: number;
  /** Alerts folded into an open group. */
  readonly folded: number;
  /** Summaries of closed groups handed to the channels. */
  readonly summaries: number;
  /** Rules that threw (a fault, logged). */
  readonly ruleErrors: number;
  readonly openGroups: number;
  readonly inFlight: number;
  /** Totals over the channels. */
  readonly sent: number;
  readonly failed: number;
  readonly droppedRateLimit: number;
  readonly droppedInFlight: number;
  readonly channels: readonly AlertChannelStats[];
}
