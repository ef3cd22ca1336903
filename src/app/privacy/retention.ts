import type { Config } from '../../config/index.js';
import type { Log } from '../../core/index.js';
import type { ChangeRequestStore } from '../../store/change-request-store.js';
import type { IncidentStore } from '../../store/incident-store.js';
import type { IntruderSessionStore } from '../../store/intruder-session-store.js';
import type { RequestSampleStore } from '../../store/request-sample-store.js';

/** The stores retention prunes. */
export interface RetentionStores {
  readonly samples: RequestSampleStore;
  readonly incidents: IncidentStore;
  readonly intruders: IntruderSessionStore;
  readonly changes: ChangeRequestStore;
}

/** Records removed by one run, per kind; a kind whose pruning failed is absent. */
export type RetentionRun = Partial<Record<'samples' | 'incidents' | 'intruders' | 'changes', number>>;

/** The retention sweeper while it runs. */
export interface Retention {
  /** Prunes every kind now; never rejects (failures are logged). */
  runOnce(): Promise<RetentionRun>;
  stop(): void;
}

/** Timing of the sweeper. */
export interface RetentionOptions {
  /** Between runs (10 minutes). */
  readonly everyMs?: number;
  /** Before the first run (5 seconds). */
  readonly firstMs?: number;
  readonly clock?: () => number;
}

const DAY = 86_400_000;

/**
 * Prunes each kind of data by age, as `privacy.retentionDays` says (read at each run, so a reload applies):
 * request samples (and trims them to `guardian.samples.max`), incidents and intruder sessions by last
 * activity, and decided change requests. Runs shortly after start and then every `everyMs`, on unref'd timers;
 * a failure is logged and the next run tries again. Events follow `store.events.retentionDays` elsewhere; the
 * audit log is never pruned.
 * @example const retention = startRetention(stores, () => config, log); … retention.stop();
 */
export function startRetention(
  stores: RetentionStores,
  config: Config | (() => Config),
  log: Log,
  options: RetentionOptions = {},
): Retention {
  const current = typeof config === 'function' ? config : () => config;
  const clock = options.clock ?? Date.now;
  let running: Promise<RetentionRun> | undefined;

  const sweep = async (): Promise<RetentionRun> => {
    const { privacy, guardian } = current();
    const days = privacy.retentionDays;
    const now = clock();
    const before = (d: number) => now - Math.round(d * DAY);
    const run: RetentionRun = {};
    const kinds: readonly [keyof RetentionRun, () => Promise<number>][] = [
      [
        'samples',
        async () =>
          (await stores.samples.prune(before(days.samples))) +
          (await stores.samples.trim(guardian.samples.max)),
      ],
      ['incidents', () => stores.incidents.prune(before(days.incidents))],
      ['intruders', () => stores.intruders.prune(before(days.intruders))],
      ['changes', () => stores.changes.prune(before(days.changes))],
    ];
    for (const [kind, prune] of kinds) {
      try {
        run[kind] = await prune();
      } catch (err) {
        log.warn(
          { err, kind },
          'privacy: retention could not prune this kind of data; it is tried again later',
        );
      }
    }
    const removed = Object.values(run).reduce((a, b) => a + b, 0);
    if (removed > 0) log.info({ removed: run }, 'privacy: data past its retention removed');
    return run;
  };

  // One run at a time: a slow store must not pile runs up.
  const runOnce = () => {
    running ??= sweep()
      .catch((err: unknown) => {
        log.warn({ err }, 'privacy: retention run failed');
        return {};
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const first = setTimeout(() => void runOnce(), options.firstMs ?? 5000);
  first.unref();
  const timer = setInterval(() => void runOnce(), options.everyMs ?? 10 * 60_000);
  timer.unref();
  return {
    runOnce,
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
