import { emptyCounts, isAnswered, type Outcome, type OutcomeCounts } from './outcome.js';

/** A request kept in the report for study: one the defence let through (or, for benign traffic, stopped). */
export interface Sample {
  readonly request: string;
  readonly outcome: Outcome;
  readonly status: number | null;
}

/** What one scenario's requests came to, as they are recorded. */
export interface ScenarioTally {
  readonly counts: OutcomeCounts;
  readonly latenciesMs: readonly number[];
  /** 1-based number of the first request the defence answered; undefined while none was. */
  readonly firstAnswer: number | undefined;
  readonly samples: readonly Sample[];
  readonly requests: number;
  record(outcome: Outcome, ms: number, sample?: Omit<Sample, 'outcome'>): void;
}

const MAX_SAMPLES = 5;

/**
 * Creates a tally. `studied` says which outcomes are worth a sample: `passed` for an attack (what got
 * through), the answered ones for benign traffic (what was stopped by mistake).
 */
export function createTally(studied: (outcome: Outcome) => boolean): ScenarioTally {
  const counts = emptyCounts();
  const latenciesMs: number[] = [];
  const samples: Sample[] = [];
  let requests = 0;
  let firstAnswer: number | undefined;
  return {
    counts,
    latenciesMs,
    samples,
    get requests() {
      return requests;
    },
    get firstAnswer() {
      return firstAnswer;
    },
    record(outcome, ms, sample) {
      requests++;
      counts[outcome]++;
      latenciesMs.push(ms);
      if (firstAnswer === undefined && isAnswered(outcome)) firstAnswer = requests;
      if (sample !== undefined && samples.length < MAX_SAMPLES && studied(outcome))
        samples.push({ ...sample, outcome });
    },
  };
}
