import { z } from 'zod';

const name = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'letters, digits, dot, dash and underscore')
  .describe('What others refer to it by.');

const envName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'an environment variable name')
  .describe('Environment variable that holds the secret (kept out of the file).');

const providerSchema = z.strictObject({
  name,
  kind: z
    .enum(['openai-compatible', 'anthropic'])
    .describe(
      'The API it speaks: OpenAI-compatible chat completions (OpenAI, Mistral, xAI, vLLM, Ollama) or Anthropic messages.',
    ),
  baseUrl: z
    .string()
    .regex(/^https?:\/\//, 'an http(s) URL')
    .optional()
    .describe(
      'Where the API lives, e.g. `https://api.openai.com/v1` or `http://127.0.0.1:11434/v1`; Anthropic defaults to its own.',
    ),
  apiKeyEnv: envName.optional(),
  apiKey: z.string().min(1).optional().describe('The key itself; prefer `apiKeyEnv`. Shown redacted.'),
  timeoutMs: z.number().int().min(100).max(600_000).default(30_000).describe('Longest a call may take.'),
});

const modelSchema = z.strictObject({
  provider: z.string().min(1).describe('A provider by name.'),
  model: z.string().min(1).max(200).describe('The model id the provider knows.'),
  inputPricePer1k: z
    .number()
    .min(0)
    .max(1000)
    .default(0)
    .describe('USD per 1,000 input tokens, for cost figures.'),
  outputPricePer1k: z.number().min(0).max(1000).default(0).describe('USD per 1,000 output tokens.'),
});

const llmSchema = z.strictObject({
  providers: z
    .array(providerSchema)
    .default([])
    .describe('Chat APIs the analyst may call; none: every answer comes from rules.'),
  models: z
    .array(modelSchema)
    .default([])
    .describe('The model chain, tried in order before the rules answer.'),
});

const channelSchema = z.strictObject({
  name,
  type: z
    .enum(['webhook', 'slack'])
    .describe('A generic JSON webhook, or a Slack-compatible incoming webhook.'),
  url: z
    .string()
    .regex(/^https?:\/\//, 'an http(s) URL')
    .describe('Where alerts are posted; shown redacted.'),
  secretEnv: envName
    .optional()
    .describe('Webhook: environment variable holding the secret that signs each body (HMAC-SHA256).'),
  minSeverity: z
    .enum(['info', 'warning', 'critical'])
    .default('info')
    .describe('Least severe alert the channel gets.'),
});

const alertsSchema = z.strictObject({
  channels: z.array(channelSchema).default([]).describe('Where alerts go; none: alerts are only counted.'),
  rules: z
    .strictObject({
      canaryUsed: z.boolean().default(true).describe('A canary from the labyrinth came back.'),
      attackWave: z.boolean().default(true).describe('Attacks on a site far above its usual rate.'),
      incidentHigh: z.boolean().default(true).describe('A new incident of high or critical severity.'),
      upstreamDown: z.boolean().default(true).describe("A site's upstream stops answering."),
      auditChainBroken: z.boolean().default(true).describe('The audit chain fails its hourly verification.'),
    })
    .prefault({})
    .describe('Which rules raise alerts.'),
  groupWindowMs: z
    .number()
    .int()
    .min(10_000)
    .max(86_400_000)
    .default(600_000)
    .describe('Alerts of one group (rule, site, campaign) within this window are folded into the first.'),
});

const forecastSchema = z.strictObject({
  capacityRps: z
    .number()
    .positive()
    .optional()
    .describe('Requests per second the sites were measured to take; the forecast flags load approaching it.'),
  withinPct: z
    .number()
    .min(0)
    .max(100)
    .default(20)
    .describe('Flag when expected load comes this close, in percent.'),
});

const agentsSchema = z.strictObject({
  enabled: z
    .boolean()
    .default(true)
    .describe('Run the agents: behaviour analyst, correlator, responder, strategist.'),
  respond: z
    .boolean()
    .default(true)
    .describe('Let the responder turn incidents into decisions (false: incidents and signals only).'),
  queueSize: z
    .number()
    .int()
    .min(100)
    .max(1_000_000)
    .default(10_000)
    .describe('Messages waiting per agent at most; more are dropped and counted.'),
});

/** The brain: agents, the LLM analyst, alerts and the traffic forecast. */
export const brainSchema = z.strictObject({
  agents: agentsSchema.prefault({}).describe('Agents that correlate events into incidents and respond.'),
  llm: llmSchema
    .prefault({})
    .describe('The analyst: summaries, questions, explanations (rules without a model).'),
  alerts: alertsSchema.prefault({}).describe('Alert rules and channels.'),
  forecast: forecastSchema.prefault({}).describe('Traffic forecast per site.'),
});
