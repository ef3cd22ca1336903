import { z } from 'zod';
import { OUTCOMES } from './outcome.js';

const count = z.number().int().min(0);
const score = z.number().int().min(0).max(100);
const delta = z.number().int().min(-100).max(100);

const outcomeCounts = z
  .strictObject({
    blocked: count.describe('Refused: 403, or the gateway answering a malformed or slow request itself.'),
    challenged: count.describe('Sent a challenge page, or redirected to one.'),
    trapped: count.describe('Answered with a labyrinth page (`X-Robots-Tag: noindex`).'),
    rateLimited: count.describe('Answered 429.'),
    timeout: count.describe('Held without an answer until the time of the request ran out (a tarpit).'),
    error: count.describe('No answer, a 5xx, or a misdirected request: says nothing about the defence.'),
    passed: count.describe('Answered by the application: the attack went through.'),
  })
  .describe('Requests per outcome.');

const scenarioReport = z.strictObject({
  name: z
    .string()
    .min(1)
    .describe('Scenario name, e.g. `sqli`, or `corpus:<category>` for a replayed corpus.'),
  kind: z.enum(['payload', 'behaviour', 'protocol', 'corpus']),
  summary: z.string(),
  expect: z
    .enum(['answer', 'pass'])
    .describe('`answer` for attacks; `pass` for legitimate traffic, which should get through.'),
  requests: count.describe('Requests sent (connections, for slowloris).'),
  outcomes: outcomeCounts,
  answered: count.describe('Requests the defence answered: every outcome but `passed` and `error`.'),
  grace: count.describe('Requests a defence may let through before it must answer.'),
  firstAnswer: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe('Number of the first request the defence answered (1 = the first), null if none.'),
  latencyMs: z
    .strictObject({ p50: z.number().min(0).nullable(), p99: z.number().min(0).nullable() })
    .describe('Time from connecting to the outcome, per request; null without requests.'),
  verdict: z
    .enum(['answered', 'passed-through', 'inconclusive'])
    .describe('`answered` when the defence answered any request, `inconclusive` when nothing got an answer.'),
  score: score.describe('This scenario’s share of the resilience score, 0–100 (docs/attack.md).'),
  delta: delta
    .nullable()
    .describe('Score change since the baseline report, null when it lacks the scenario.'),
  truncated: z.boolean().describe('Stopped early by the run’s request or time budget, or its own time.'),
  durationMs: z.number().min(0),
  samples: z
    .array(
      z.strictObject({
        request: z.string().max(200),
        outcome: z.enum(OUTCOMES),
        status: z.number().int().min(100).max(599).nullable(),
      }),
    )
    .max(5)
    .describe('A few requests to study: attacks that passed, or legitimate requests that did not.'),
});

/** The report of `infinisec attack --json`: the one definition its JSON Schema is generated from. */
export const attackReportSchema = z.strictObject({
  format: z.literal('infinisec-attack-report/1'),
  target: z.string().describe('Origin attacked, e.g. http://127.0.0.1:8080.'),
  startedAt: z.iso.datetime(),
  durationMs: z.number().min(0),
  seed: z.number().int().describe('Seed of the generated payloads: the same seed sends the same requests.'),
  clients: z
    .enum(['distinct', 'shared'])
    .describe('`distinct`: each scenario came from its own loopback address; `shared`: all from one.'),
  spread: z.boolean().describe('Payload requests were each sent from an address of their own.'),
  limits: z.strictObject({ maxRequests: z.number().int().min(1), maxSeconds: z.number().positive() }),
  totals: z.strictObject({ requests: count, outcomes: outcomeCounts }),
  score: score.describe('Resilience score, 0–100: the mean score of the scenarios that sent requests.'),
  baseline: z
    .strictObject({
      startedAt: z.iso.datetime(),
      target: z.string(),
      score,
      delta: delta.describe('This score minus the baseline score.'),
    })
    .nullable()
    .describe('The previous report compared against, null on a first run.'),
  scenarios: z.array(scenarioReport),
});

/** A report of `infinisec attack`. */
export type AttackReport = z.infer<typeof attackReportSchema>;

/** One scenario of a report. */
export type ScenarioReport = AttackReport['scenarios'][number];

/** The `$id` of the report's JSON Schema. */
export const ATTACK_REPORT_SCHEMA_ID = 'urn:infinisec:attack-report';

/** The JSON Schema of the report, generated from the zod schema (what `docs/attack-report.schema.json` holds). */
export function attackReportJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(attackReportSchema);
  return {
    $schema,
    $id: ATTACK_REPORT_SCHEMA_ID,
    title: 'infinisec attack report',
    description: 'The JSON report of `infinisec attack --json FILE`.',
    ...rest,
  };
}

/** The JSON Schema as the text of `docs/attack-report.schema.json` (`infinisec attack --report-schema`). */
export function renderAttackReportJsonSchema(): string {
  return `${JSON.stringify(attackReportJsonSchema(), null, 2)}\n`;
}
