/** One line of the timeline: something an actor sent and what the gateway did, or a decision it made. */
export interface TimelineEntry {
  /** Milliseconds since the wave began. */
  readonly atMs: number;
  /** `shopper`, `scanner`… or `gateway` for a decision. */
  readonly actor: string;
  readonly address: string;
  /** What the actor did, e.g. `GET /.env`; lines alike in this and `answer` are counted as one. */
  readonly did: string;
  /** What set this request apart from its neighbours (the credentials tried), if anything. */
  readonly detail?: string;
  /** What the gateway did, e.g. `maze page, 200 (detector/scanner)`. */
  readonly answer: string;
  readonly status?: number;
  /** The verdict's action and reason, from the gateway's event. */
  readonly action?: string;
  readonly reason?: string;
  /** Milliseconds to the response head. */
  readonly ms?: number;
  /** Milliseconds the tarpit took to drip the body after the head. */
  readonly dripMs?: number;
}

/** One step of the wave: what was expected, what happened, and whether they agree. */
export interface StepReport {
  readonly number: number;
  readonly id: string;
  readonly title: string;
  readonly expected: string;
  readonly observed: string;
  readonly ok: boolean;
  readonly entries: readonly TimelineEntry[];
}

/** The whole wave. */
export interface WaveReport {
  /** Every step got its expected outcome. */
  readonly ok: boolean;
  /** ISO 8601. */
  readonly startedAt: string;
  readonly durationMs: number;
  readonly gateway: string;
  readonly dashboard: string | undefined;
  readonly app: string | undefined;
  readonly dataDir: string;
  readonly steps: readonly StepReport[];
}
