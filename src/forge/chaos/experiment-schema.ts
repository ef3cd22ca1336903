import { z } from 'zod';
import { type BlastRadius, blastRadiusSchema } from './blast-radius.js';
import { durationField, formatDuration } from './duration.js';
import type { FaultKind } from './fault.js';
import { FAULT_KINDS, type FaultType } from './fault-kinds.js';
import { type ListenAddress, parseListenAddress } from './listen-address.js';
import { MAX_EXPERIMENT_MS, type Schedule, scheduleSchema } from './schedule.js';
import { type SteadyState, steadyStateSchema } from './steady-state.js';

const name = z
  .string()
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, { message: 'must be letters, digits, - and _' });

function faultEntry(kind: FaultKind) {
  return z.strictObject({
    type: z.literal(kind.type),
    name: name.optional().describe('Name in the report and the audit log; default `<type>-<position>`.'),
    options: kind.options,
    match: blastRadiusSchema.describe('Which requests the fault may touch.'),
    duration: durationField({ min: 100, max: MAX_EXPERIMENT_MS })
      .optional()
      .describe('How long the fault stays armed each round.'),
  });
}

const types = Object.keys(FAULT_KINDS);
const faultEntries = Object.values(FAULT_KINDS).map(faultEntry);
const faultSchema = z.discriminatedUnion(
  'type',
  faultEntries as unknown as [(typeof faultEntries)[number], ...(typeof faultEntries)[number][]],
  {
    error: (issue) =>
      issue.code === 'invalid_union' && issue.input && typeof issue.input === 'object'
        ? `must be one of ${types.map((t) => JSON.stringify(t)).join(', ')}`
        : undefined,
  },
);

/** One fault of an experiment, as validated. */
export interface FaultSpec {
  readonly name: string;
  readonly type: FaultType;
  /** The options of its kind, validated by the kind's own schema. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly match: BlastRadius;
  /** Ms it stays armed each round; default the round (or the experiment). */
  readonly duration: number | undefined;
}

/** An experiment, as validated. */
export interface Experiment {
  readonly name: string;
  readonly description: string | undefined;
  readonly upstream: string;
  readonly listen: ListenAddress;
  /** Ms: the experiment ends then, whatever happens. */
  readonly duration: number;
  readonly seed: number | undefined;
  readonly faults: readonly FaultSpec[];
  readonly schedule: Schedule;
  readonly steadyState: SteadyState | undefined;
}

/** An experiment file: the upstream, where the fault proxy listens, faults, schedule and hypothesis. */
export const experimentSchema = z
  .strictObject({
    name: name.describe('Names the experiment in reports, files and the audit log.'),
    description: z.string().max(2000).optional().describe('What the experiment tests.'),
    upstream: z
      .string()
      .refine((s) => /^https?:\/\/[^/?#]+\/?$/.test(s) && URL.canParse(s), {
        message: 'must be an http:// or https:// origin, like http://127.0.0.1:3000',
      })
      .describe('The real upstream the fault proxy forwards to.'),
    listen: z
      .string()
      .transform((text, ctx) => {
        const address = parseListenAddress(text);
        if (address === undefined) {
          ctx.addIssue({
            code: 'custom',
            message: `must be host:port, like 127.0.0.1:3100; got ${JSON.stringify(text)}`,
          });
          return z.NEVER;
        }
        return address;
      })
      .describe('Where the fault proxy listens; the gateway is pointed there.'),
    duration: durationField({ min: 1000, max: MAX_EXPERIMENT_MS }).describe(
      'How long the experiment runs; its hard limit.',
    ),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional()
      .describe('Seed of the sampling and jitter; default one made from the name.'),
    faults: z
      .array(faultSchema)
      .min(1)
      .max(20)
      .describe('Faults injected between the gateway and the upstream.'),
    schedule: scheduleSchema.describe('When faults are injected.'),
    steadyState: steadyStateSchema.optional().describe('What must hold while they are.'),
  })
  .superRefine((experiment, ctx) => {
    const seen = new Set<string>();
    experiment.faults.forEach((fault, i) => {
      const faultName = fault.name ?? `${fault.type}-${i + 1}`;
      if (seen.has(faultName))
        ctx.addIssue({
          code: 'custom',
          path: ['faults', i, 'name'],
          message: `"${faultName}" is used twice`,
        });
      seen.add(faultName);
      const { times, every } = experiment.schedule;
      if (times > 1 && every !== undefined && fault.duration !== undefined && fault.duration > every) {
        ctx.addIssue({
          code: 'custom',
          path: ['faults', i, 'duration'],
          message: 'must not be longer than schedule.every, or rounds would overlap',
        });
      }
    });
    const { delay, every, times } = experiment.schedule;
    const lastStart = delay + (times - 1) * (every ?? 0);
    if (lastStart >= experiment.duration) {
      ctx.addIssue({
        code: 'custom',
        path: ['schedule'],
        message: `the last round would start at ${formatDuration(lastStart)}, not before the end of the experiment (${formatDuration(experiment.duration)})`,
      });
    }
    if (experiment.steadyState && experiment.steadyState.window > experiment.duration) {
      ctx.addIssue({
        code: 'custom',
        path: ['steadyState', 'window'],
        message: 'must not be longer than the experiment',
      });
    }
  })
  .transform(
    (parsed): Experiment => ({
      name: parsed.name,
      description: parsed.description,
      upstream: new URL(parsed.upstream).origin,
      listen: parsed.listen,
      duration: parsed.duration,
      seed: parsed.seed,
      faults: parsed.faults.map((fault, i) => ({
        name: fault.name ?? `${fault.type}-${i + 1}`,
        type: fault.type as FaultType,
        options: fault.options as Record<string, unknown>,
        match: fault.match,
        duration: fault.duration,
      })),
      schedule: parsed.schedule,
      steadyState: parsed.steadyState,
    }),
  );

/** What `checkExperiment` finds: the experiment, or every issue at once. */
export type ExperimentCheck =
  | { readonly ok: true; readonly experiment: Experiment }
  | { readonly ok: false; readonly issues: readonly z.core.$ZodIssue[] };

/**
 * Validates a parsed experiment file; `error` words the messages (the CLI passes the config's error map).
 * @example const check = checkExperiment(YAML.parse(text)); if (!check.ok) console.log(check.issues);
 */
export function checkExperiment(input: unknown, error?: z.core.$ZodErrorMap): ExperimentCheck {
  const parsed = experimentSchema.safeParse(input, error ? { error } : undefined);
  return parsed.success ? { ok: true, experiment: parsed.data } : { ok: false, issues: parsed.error.issues };
}
