import { performance } from 'node:perf_hooks';
import { InfinisecError } from '../../core/index.js';
import { blastRadiusMatcher } from './blast-radius.js';
import type { ChaosOutcome, ChaosReport, TimelineEvent } from './chaos-report.js';
import { experimentHostProblems } from './experiment-hosts.js';
import type { Experiment } from './experiment-schema.js';
import { FAULT_KINDS } from './fault-kinds.js';
import { startFaultProxy } from './fault-proxy.js';
import { formatListenAddress } from './listen-address.js';
import { type ProbeLoad, startProbeLoad } from './probe-load.js';
import { seededRandom, seedFromText } from './sampler.js';
import { type FaultWindow, faultWindows, playSchedule } from './schedule.js';
import { createSlidingWindow, type WindowFigures } from './sliding-window.js';
import { judgeSteadyState } from './steady-state.js';

// How often the window is judged: often enough that an abort follows a broken check within a tenth of a second.
const CHECK_EVERY_MS = 100;

/** What the runner needs besides the experiment. */
export interface RunOptions {
  /** Hosts other than loopback the experiment may listen on or send to. */
  readonly allowHosts?: readonly string[];
  /** Aborting it aborts the experiment (faults lifted at once), its reason in the report. */
  readonly signal?: AbortSignal;
  /** Called once the proxy listens, before any probe or fault; a throw stops the run before it starts. */
  readonly onStarted?: (started: { readonly proxyUrl: string; readonly startedAt: number }) => Promise<void>;
  /** Called as faults are armed and lifted, and when the run ends. */
  readonly onEvent?: (event: TimelineEvent) => void;
}

type Ending = {
  readonly outcome: ChaosOutcome;
  readonly reason: string | null;
  readonly window?: WindowFigures;
};

/**
 * Runs an experiment: starts the fault proxy, injects faults on schedule, drives the probe load and judges
 * the steady state every tenth of a second. A broken check aborts the run at once: every fault is lifted
 * and the proxy turns transparent before anything else. The run never outlasts `experiment.duration`.
 * Throws INFINISEC_ERR_CONFIG_INVALID for a host that is neither loopback nor allowed, and
 * INFINISEC_ERR_LISTEN when the proxy cannot listen.
 * @example const report = await runExperiment(experiment, { onEvent: (e) => console.log(e) });
 */
export async function runExperiment(experiment: Experiment, options: RunOptions = {}): Promise<ChaosReport> {
  const problems = experimentHostProblems(experiment, options.allowHosts ?? []);
  if (problems.length > 0) {
    throw new InfinisecError(
      'INFINISEC_ERR_CONFIG_INVALID',
      'forge.chaos',
      'the experiment reaches other hosts',
      {
        details: problems.map((p) => `${p.path}: ${p.message}`),
      },
    );
  }
  const proxy = await startFaultProxy({ listen: experiment.listen, upstream: experiment.upstream });
  const startedAt = Date.now();
  try {
    await options.onStarted?.({ proxyUrl: proxy.url, startedAt });
  } catch (err) {
    await proxy.close();
    throw err;
  }

  const t0 = performance.now();
  const elapsed = () => performance.now() - t0;
  const timeline: TimelineEvent[] = [];
  const note = (event: Omit<TimelineEvent, 'atMs'>) => {
    const entry = { atMs: Math.round(elapsed()), ...event };
    timeline.push(entry);
    options.onEvent?.(entry);
  };
  let end!: (ending: Ending) => void;
  const ended = new Promise<Ending>((resolve) => {
    end = resolve;
  });
  let ending: Ending | undefined;
  const finish = (next: Ending) => {
    if (ending !== undefined) return;
    ending = next;
    // Before anything else: the faults go, and the proxy is transparent from the next request on.
    proxy.disarmAll();
    end(next);
  };

  const seed = experiment.seed ?? seedFromText(experiment.name);
  const faults = experiment.faults.map((spec, i) => ({
    spec,
    inScope: blastRadiusMatcher(spec.match, seed + 2 * i),
    random: seededRandom(seed + 2 * i + 1),
  }));
  const idOf = (window: FaultWindow) => `${faults[window.fault]!.spec.name}#${window.round}`;
  const schedule = playSchedule(
    faultWindows(
      experiment.schedule,
      experiment.faults.map((f) => f.duration),
      experiment.duration,
    ),
    {
      arm(window) {
        if (ending !== undefined) return;
        const { spec, inScope, random } = faults[window.fault]!;
        const kind = FAULT_KINDS[spec.type];
        // The options were validated by the kind's own schema when the file was read.
        const fault = kind.create(spec.options as never, random);
        proxy.arm({ id: idOf(window), name: spec.name, inScope, fault, rank: window.fault });
        note({ event: 'armed', fault: spec.name, round: window.round });
      },
      disarm(window) {
        if (ending !== undefined) return;
        proxy.disarm(idOf(window));
        note({ event: 'lifted', fault: faults[window.fault]!.spec.name, round: window.round });
      },
    },
  );

  const hypothesis = experiment.steadyState;
  const window = createSlidingWindow(hypothesis?.window ?? 1000);
  const overall = createSlidingWindow(experiment.duration + 60_000);
  let load: ProbeLoad | undefined;
  let checker: NodeJS.Timeout | undefined;
  if (hypothesis !== undefined) {
    load = startProbeLoad(hypothesis.probe, {
      clock: elapsed,
      maxRequests: Math.ceil((hypothesis.probe.rate * experiment.duration) / 1000) + 1,
      onSample(sample) {
        window.add(sample);
        overall.add(sample);
      },
    });
    checker = setInterval(() => {
      const figures = window.figures(elapsed());
      const verdict = judgeSteadyState(figures, hypothesis);
      if (verdict.state === 'broken') finish({ outcome: 'aborted', reason: verdict.reason, window: figures });
    }, CHECK_EVERY_MS);
  }
  const deadline = setTimeout(() => finish({ outcome: 'completed', reason: null }), experiment.duration);
  const onAbort = () => {
    const why = options.signal?.reason;
    finish({ outcome: 'aborted', reason: `interrupted${typeof why === 'string' ? ` (${why})` : ''}` });
  };
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const last = await ended;
  clearTimeout(deadline);
  clearInterval(checker);
  schedule.stop();
  load?.stop();
  options.signal?.removeEventListener('abort', onAbort);
  const now = elapsed();
  const lastWindow = last.window ?? window.figures(now);
  const all = overall.figures(now);
  let { outcome, reason } = last;
  if (outcome === 'completed' && hypothesis !== undefined && all.requests < hypothesis.minSamples) {
    outcome = 'inconclusive';
    reason = `the probes gathered ${all.requests} outcomes in the whole run, fewer than minSamples (${hypothesis.minSamples})`;
  }
  note({ event: outcome === 'aborted' ? 'aborted' : 'ended', ...(reason ? { detail: reason } : {}) });
  const counts = proxy.counts();
  await proxy.close();

  return {
    name: experiment.name,
    description: experiment.description ?? null,
    outcome,
    reason,
    startedAt: new Date(startedAt).toISOString(),
    endedAt: new Date(startedAt + now).toISOString(),
    plannedMs: experiment.duration,
    elapsedMs: Math.round(now),
    proxy: {
      listen: formatListenAddress(proxy.address),
      upstream: experiment.upstream,
      requests: counts.requests,
      untouched: counts.untouched,
    },
    faults: experiment.faults.map((spec) => ({
      name: spec.name,
      type: spec.type,
      options: spec.options,
      match: spec.match,
      duration: spec.duration ?? null,
      injected: counts.injected[spec.name] ?? 0,
    })),
    schedule: experiment.schedule,
    timeline,
    steadyState:
      hypothesis === undefined
        ? null
        : {
            hypothesis: {
              window: hypothesis.window,
              minSamples: hypothesis.minSamples,
              maxErrorPercent: hypothesis.maxErrorPercent,
              maxP99: hypothesis.maxP99,
            },
            probe: {
              url: hypothesis.probe.url,
              method: hypothesis.probe.method,
              paths: hypothesis.probe.paths,
              rate: hypothesis.probe.rate,
              ...load!.counts(),
            },
            window: lastWindow,
            overall: all,
          },
  };
}
