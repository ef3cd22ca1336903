import { z } from 'zod';
import { brainSchema } from './brain-schema.js';
import { guardianSchema, privacySchema } from './guardian-schema.js';

// Options are described where they are declared: the descriptions become the JSON Schema and docs/config.md.
// `.prefault({})` makes a missing section parse as an empty object, so the defaults inside it apply.

const port = z.number().int().min(0).max(65535);
const ms = z.number().int().min(0);
const bytes = z.number().int().min(0);
const sensitivity = z.enum(['low', 'balanced', 'high', 'paranoid']);

const tlsSchema = z
  .strictObject({
    cert: z.string().min(1).describe('Path to the PEM certificate chain.'),
    key: z.string().min(1).describe('Path to the PEM private key.'),
  })
  .describe('TLS for this listener; without it the listener speaks plain HTTP.');

const listenerSchema = z.strictObject({
  host: z.string().min(1).default('0.0.0.0').describe('Address to bind.'),
  port: port.default(8080).describe('Port to bind; 0 picks a free one.'),
  tls: tlsSchema.optional(),
});

const upstreamUrl = z.string().refine((s) => /^https?:\/\/[^/?#]+\/?$/.test(s) && URL.canParse(s), {
  message: 'must be an http:// or https:// origin, like http://127.0.0.1:3000',
});

const count = (min: number) => z.number().int().min(min);

const healthCheckSchema = z.strictObject({
  enabled: z
    .boolean()
    .default(false)
    .describe('Probe every target in the background; a target that fails its probes gets no requests.'),
  path: z
    .string()
    .startsWith('/')
    .default('/')
    .describe('Path each probe requests with GET; a 2xx or 3xx answer passes.'),
  intervalMs: ms.min(100).default(5000).describe('Time between two probes of a target.'),
  timeoutMs: ms.min(1).default(2000).describe('Limit for a probe to be answered; over it, it failed.'),
  healthyThreshold: count(1)
    .default(2)
    .describe('Probes passed in a row that bring an unhealthy target back.'),
  unhealthyThreshold: count(1).default(3).describe('Probes failed in a row that take a target out.'),
});

const outlierSchema = z.strictObject({
  consecutiveFailures: count(0)
    .default(5)
    .describe(
      'Failures in a row (no answer, or any 5xx) that eject a target while another target can serve; 0 turns ejection off.',
    ),
  ejectMs: ms
    .min(1)
    .default(10_000)
    .describe('How long a first ejection lasts; each next one in a row doubles it.'),
  maxEjectMs: ms.min(1).default(300_000).describe('Longest ejection.'),
});

const breakerSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Guard every target with a circuit breaker.'),
  consecutiveFailures: count(1)
    .default(5)
    .describe('Failures in a row (no answer, or a 502, 503 or 504) that open the breaker.'),
  failureRatio: z
    .number()
    .gt(0)
    .max(1)
    .default(0.5)
    .describe('Share of failures over `windowMs` that opens the breaker, once `minRequests` were counted.'),
  windowMs: ms.min(1000).default(10_000).describe('Time over which `failureRatio` is measured.'),
  minRequests: count(1).default(20).describe('Fewest requests in the window before `failureRatio` applies.'),
  openMs: ms
    .min(1)
    .default(5000)
    .describe('Cool-down of an open breaker; then one probe request goes through (half-open).'),
});

const retrySchema = z.strictObject({
  attempts: count(1)
    .max(10)
    .default(3)
    .describe(
      'Most tries of one idempotent request whose body can be sent again, the first included; 1 turns retries off.',
    ),
  backoffMs: ms
    .default(25)
    .describe('Base of the backoff: before try n, a random wait up to backoffMs × 2^(n-2) (full jitter).'),
  maxBackoffMs: ms.default(250).describe('Longest wait before a retry.'),
});

const bulkheadSchema = z.strictObject({
  maxConcurrent: count(0)
    .default(0)
    .describe('Most requests in flight to this upstream; over it: 503 at once. 0: no cap.'),
  retryAfterSeconds: count(1).default(1).describe('Retry-After of the 503 answered over the cap.'),
});

const fallbackSchema = z
  .strictObject({
    status: z.number().int().min(200).max(599).default(503).describe('Status of the fallback answer.'),
    html: z.string().optional().describe('The page, inline.'),
    file: z.string().min(1).optional().describe('Path of a file holding the page, read at start and reload.'),
  })
  .refine((fallback) => (fallback.html === undefined) !== (fallback.file === undefined), {
    message: 'give either `html` or `file`',
  });

const upstreamSchema = z.strictObject({
  targets: z
    .array(upstreamUrl)
    .min(1)
    .describe('Origins requests are forwarded to, e.g. http://127.0.0.1:3000.'),
  balance: z
    .enum(['round-robin', 'least-connections'])
    .default('round-robin')
    .describe('How a target is chosen: in turn, or the one with the fewest requests in flight.'),
  connectTimeoutMs: ms.default(5000).describe('Limit for opening a connection to a target; over it: 502.'),
  headersTimeoutMs: ms.default(30_000).describe('Limit for the upstream response headers; over it: 504.'),
  bodyTimeoutMs: ms
    .default(30_000)
    .describe('Limit between two chunks of the upstream response body; 0 disables it.'),
  connections: z.number().int().min(1).default(256).describe('Most open connections per target.'),
  healthCheck: healthCheckSchema.prefault({}).describe('Active health checks of the targets.'),
  outlier: outlierSchema
    .prefault({})
    .describe('Passive outlier detection: targets that keep failing sit out.'),
  breaker: breakerSchema.prefault({}).describe('Circuit breaker per target.'),
  retry: retrySchema.prefault({}).describe('Retries on another target when a try got no answer.'),
  bulkhead: bulkheadSchema.prefault({}).describe('Concurrency cap of this upstream.'),
  fallback: fallbackSchema
    .optional()
    .describe('Page answered when no target can answer, instead of a bare 502, 503 or 504.'),
});

const routeInspectSchema = z.strictObject({
  enabled: z.boolean().optional().describe('Inspect requests on this route.'),
  mode: z
    .enum(['block', 'detect'])
    .optional()
    .describe('`detect` logs what would be blocked, blocks nothing.'),
  sensitivity: sensitivity.optional().describe('Replaces `inspect.sensitivity` for this route.'),
});

const routeSchema = z.strictObject({
  path: z
    .string()
    .startsWith('/')
    .describe('Path prefix the route applies to; the longest matching prefix wins.'),
  upstream: upstreamSchema.optional().describe("Replaces the site's upstream for this route."),
  maxBodyBytes: bytes.optional().describe('Replaces `server.limits.maxBodyBytes` for this route.'),
  inspect: routeInspectSchema.optional().describe('Replaces parts of `inspect` for this route.'),
});

const hostPattern = z
  .string()
  .regex(/^(\*|(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/i, {
    message: 'must be a host name, `*.domain`, `*` or an [IPv6] literal',
  });

const siteSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/i, { message: 'must be letters, digits, - and _' })
    .describe('Name used in metrics, events and logs.'),
  hosts: z
    .array(hostPattern)
    .min(1)
    .describe('Host names served by this site: exact names, `*.domain`, or `*` for any.'),
  upstream: upstreamSchema.describe("Where the site's requests are forwarded."),
  routes: z.array(routeSchema).default([]).describe('Per-route overrides.'),
});

const serverSchema = z.strictObject({
  listeners: z
    .array(listenerSchema)
    .min(1)
    .default([{ host: '0.0.0.0', port: 8080 }])
    .describe('Public listeners of the gateway.'),
  trustedProxies: z
    .array(z.string())
    .default([])
    .describe('Addresses or CIDR ranges of proxies whose X-Forwarded-For is believed.'),
  limits: z
    .strictObject({
      maxHeaderBytes: bytes.min(1024).default(16_384).describe('Largest request head; over it: 431.'),
      maxHeadersCount: z.number().int().min(1).default(200).describe('Most request headers kept.'),
      maxBodyBytes: bytes.default(10 * 1024 * 1024).describe('Largest request body; over it: 413.'),
    })
    .prefault({})
    .describe('Size limits on what clients send.'),
  timeouts: z
    .strictObject({
      headersMs: ms.min(1).default(10_000).describe('Time to receive the request head; over it: 408.'),
      requestMs: ms.default(300_000).describe('Time to receive the whole request; 0 disables it.'),
      keepAliveMs: ms.default(5000).describe('How long an idle client connection is kept open.'),
      shutdownMs: ms.default(10_000).describe('How long a graceful shutdown waits for requests in flight.'),
    })
    .prefault({})
    .describe('Time limits on client connections.'),
  requestIdHeader: z
    .string()
    .regex(/^[a-z0-9-]+$/i)
    .default('x-request-id')
    .describe('Header carrying the request id to the upstream and back to the client.'),
  workers: z
    .union([z.literal('auto'), z.number().int().min(1).max(256)])
    .default(1)
    .describe(
      'Gateway worker processes sharing the listeners: a number, or `auto` for one per core. More than one needs `cluster.redis.url` so that they share decisions and rate limits.',
    ),
});

const exclusionSchema = z.strictObject({
  site: z.string().optional().describe('Only for this site (by name); every site when absent.'),
  path: z
    .string()
    .startsWith('/')
    .optional()
    .describe('Only for request paths starting with this prefix; a trailing `*` is allowed and ignored.'),
  location: z
    .string()
    .optional()
    .describe(
      'Only for this value location, e.g. `body.json.comment` or `query.q`; a trailing `*` matches a prefix.',
    ),
  analyzer: z.string().optional().describe('Only findings of this analyzer, e.g. `sqli`.'),
  rule: z.string().optional().describe('Only findings of this rule, e.g. `xss/event-handler`.'),
});

const inspectLimitsSchema = z.strictObject({
  maxBodyBytes: bytes
    .default(65_536)
    .describe(
      'Bytes of a request body that are inspected (and held back from the upstream until inspected).',
    ),
  maxArgs: z.number().int().min(1).default(512).describe('Most values extracted from one request.'),
  maxDepth: z.number().int().min(1).default(32).describe('Deepest nesting of JSON or XML that is followed.'),
  overLimit: z
    .enum(['inspect-stream', 'inspect-prefix', 'block', 'allow'])
    .default('inspect-stream')
    .describe(
      'What a request over a limit gets. `inspect-stream`: the prefix inspected as usual, then the rest of a longer body as it streams, `maxBodyBytes` at a time, each held back until inspected (an attack found there cuts the upload off with a 403). `inspect-prefix`: the prefix only. `block`: a block. `allow`: no inspection of the rest.',
    ),
});

const inspectSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Run the inspect phase.'),
  mode: z
    .enum(['block', 'detect'])
    .default('block')
    .describe('`block` acts on findings; `detect` only logs what it would have done.'),
  sensitivity: sensitivity
    .default('balanced')
    .describe('How much evidence blocks a request: `low`, `balanced`, `high` or `paranoid`.'),
  analyzers: z
    .strictObject({
      disabled: z
        .array(z.string())
        .default([])
        .describe('Analyzers that do not run, by id (e.g. `scanner`).'),
    })
    .prefault({})
    .describe('Which analyzers run.'),
  limits: inspectLimitsSchema.prefault({}).describe('What inspection reads of a request.'),
  budgetMs: z
    .number()
    .min(0.1)
    .default(20)
    .describe('Most milliseconds one request may spend in inspection; over it, `overBudget` applies.'),
  overBudget: z
    .enum(['findings-so-far', 'block'])
    .default('findings-so-far')
    .describe('When the budget runs out: judge by what was found so far, or block.'),
  failMode: z
    .enum(['open', 'closed'])
    .optional()
    .describe(
      'When inspection itself fails: forward the request uninspected (open, logged and counted) or answer 503 (closed); `defend.failMode` when absent.',
    ),
  exclusions: z
    .array(exclusionSchema)
    .default([])
    .describe('Scoped exclusions that silence a false positive without turning an analyzer off.'),
});

const decisionSchema = z.strictObject({
  scope: z.enum(['ip', 'cidr']).describe('What `value` names.'),
  value: z.string().min(1).describe('An address, or a CIDR range for scope `cidr`.'),
  action: z
    .enum(['allow', 'block', 'challenge', 'labyrinth', 'tarpit', 'ratelimit'])
    .default('block')
    .describe('What the listed clients get.'),
  reason: z.string().default('configured').describe('Why, for logs and operators.'),
});

const rateLimitSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[\w.-]{1,64}$/, 'letters, digits, `.`, `_` and `-`, at most 64')
    .describe('Names the limit in logs, metrics and the verdict reason (`ratelimit/<name>`).'),
  algorithm: z
    .enum(['sliding-window', 'token-bucket'])
    .default('sliding-window')
    .describe(
      '`sliding-window`: at most `limit` in any `windowMs`; `token-bucket`: bursts of `limit`, refilled over `windowMs`.',
    ),
  key: z
    .enum(['ip', 'prefix', 'fingerprint', 'apikey', 'route'])
    .default('prefix')
    .describe(
      'Counted per address, per address prefix (an IPv6 /64), per client fingerprint, per API key, or once for everyone.',
    ),
  limit: z.number().int().min(1).describe('Requests allowed per window.'),
  windowMs: z.number().int().min(1).describe('The window, in milliseconds.'),
  paths: z.array(z.string().startsWith('/')).default([]).describe('Path prefixes counted; empty: all.'),
  methods: z
    .array(z.string().regex(/^[A-Z]+$/, 'an upper-case method'))
    .default([])
    .describe('Methods counted; empty: all.'),
});

const scenarioSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[\w.-]{1,64}$/, 'letters, digits, `.`, `_` and `-`, at most 64')
    .describe('Names the scenario in decisions (`scenario/<name>`), logs and metrics.'),
  statuses: z
    .array(z.number().int().min(100).max(599))
    .default([])
    .describe('Response statuses that count (404 for scanning, 401 and 403 for failed logins); empty: any.'),
  paths: z.array(z.string().startsWith('/')).default([]).describe('Path prefixes that count; empty: all.'),
  methods: z
    .array(z.string().regex(/^[A-Z]+$/, 'an upper-case method'))
    .default([])
    .describe('Methods that count; empty: all.'),
  analyzers: z
    .array(z.string().min(1))
    .default([])
    .describe('Count only requests in which one of these analyzers found something (`sqli`, `scanner`…).'),
  key: z.enum(['ip', 'prefix']).default('prefix').describe('One bucket per address, or per address prefix.'),
  distinctPaths: z
    .boolean()
    .default(false)
    .describe('Count each distinct path once (path enumeration) instead of every request.'),
  capacity: z.number().int().min(1).describe('Requests the bucket holds; one more overflows it.'),
  leakMs: z.number().int().min(1).describe('Milliseconds for one request to leak out of the bucket.'),
  action: z
    .enum(['block', 'labyrinth', 'tarpit', 'ratelimit'])
    .default('block')
    .describe('What the client gets on overflow, as a decision on its address or prefix.'),
  banMs: z.number().int().min(1000).default(600_000).describe('How long the first decision lasts.'),
  growth: z
    .number()
    .min(1)
    .max(100)
    .default(2)
    .describe('Each earlier overflow multiplies the duration by this.'),
  maxBanMs: z.number().int().min(1000).default(604_800_000).describe('The longest a decision lasts.'),
  risk: z
    .number()
    .min(0)
    .default(2)
    .describe('With `defend.ladder.enabled`: the risk an overflow adds, instead of its own decision.'),
  drainOnOther: z
    .number()
    .min(0)
    .default(0)
    .describe(
      'What a request matching all but `statuses` drains from the bucket: with 1, it overflows on a high error ratio, not on errors alone.',
    ),
});

const ladderStepSchema = z.strictObject({
  risk: z.number().positive().describe('Risk from which this rung applies.'),
  action: z
    .enum(['ratelimit', 'challenge', 'labyrinth', 'tarpit', 'block'])
    .describe('What the client gets.'),
  durationMs: z.number().int().min(1000).describe('For how long, the first time.'),
});

const ladderSchema = z.strictObject({
  enabled: z
    .boolean()
    .default(false)
    .describe('Turn signals into a risk per client that climbs the rungs of `steps`.'),
  halfLifeMs: z
    .number()
    .int()
    .min(1000)
    .default(3_600_000)
    .describe("Time for a quiet client's risk to halve."),
  findingRisk: z.number().min(0).default(1).describe('Risk added by each request judged an attack.'),
  rateLimitRisk: z
    .number()
    .min(0)
    .default(0.1)
    .describe('Risk added by each request refused by a rate limit.'),
  trapLinkRisk: z
    .number()
    .min(0)
    .default(3)
    .describe('Risk added when a client follows a trap link into the maze.'),
  canaryRisk: z
    .number()
    .min(0)
    .default(10)
    .describe('Risk added when a client uses a canary (besides the canary decision itself).'),
  steps: z
    .array(ladderStepSchema)
    .min(1)
    .default([
      { risk: 3, action: 'ratelimit', durationMs: 60_000 },
      { risk: 6, action: 'labyrinth', durationMs: 600_000 },
      { risk: 10, action: 'block', durationMs: 3_600_000 },
    ])
    .describe('The rungs, by risk.'),
  growth: z
    .number()
    .min(1)
    .max(100)
    .default(2)
    .describe('Each earlier stay on a rung multiplies its duration by this.'),
  maxDurationMs: z.number().int().min(1000).default(604_800_000).describe('The longest a rung lasts.'),
});

const apiKeySchema = z.strictObject({
  header: z
    .string()
    .regex(/^[A-Za-z0-9-]+$/)
    .optional()
    .describe('Header that carries a client API key (e.g. `x-api-key`).'),
  cookie: z.string().min(1).optional().describe('Cookie that carries a client API or session key.'),
});

const challengeSchema = z.strictObject({
  difficulty: z
    .number()
    .int()
    .min(1)
    .max(32)
    .default(16)
    .describe('Leading zero bits of SHA-256 the browser must find (16: a fraction of a second).'),
  maxDifficulty: z
    .number()
    .int()
    .min(1)
    .max(32)
    .default(22)
    .describe(
      "Ceiling when the ladder raises the difficulty with the client's risk (one bit per 2 of risk).",
    ),
  waitMs: z
    .number()
    .int()
    .min(0)
    .default(5000)
    .describe('How long a browser without JavaScript waits on the page before it may pass.'),
  tokenMs: z
    .number()
    .int()
    .min(10_000)
    .default(600_000)
    .describe('How long a challenge page can be answered.'),
  passMs: z
    .number()
    .int()
    .min(10_000)
    .default(3_600_000)
    .describe('How long passing lets a client through (a signed cookie bound to its prefix and user agent).'),
});

const defendSchema = z.strictObject({
  failMode: z
    .enum(['open', 'closed'])
    .default('open')
    .describe('What an unknown client gets when a needed store is down: served (open) or refused (closed).'),
  ipv6PrefixLength: z
    .number()
    .int()
    .min(32)
    .max(128)
    .default(64)
    .describe('IPv6 clients are grouped by this prefix.'),
  decisions: z.array(decisionSchema).default([]).describe('Standing decisions, applied at start and reload.'),
  rateLimits: z
    .array(rateLimitSchema)
    .default([])
    .describe('Rate limits; a request over one gets 429 with Retry-After and RateLimit headers.'),
  apiKey: apiKeySchema.prefault({}).describe('Where clients present API keys, for `apikey` rate limits.'),
  challenge: challengeSchema
    .prefault({})
    .describe('The proof-of-work challenge for clients under a `challenge` decision or ladder rung.'),
  ladder: ladderSchema
    .prefault({})
    .describe('The response ladder: risk per client, from signals, to actions.'),
  scenarios: z
    .array(scenarioSchema)
    .default([])
    .describe('Behaviour scenarios: leaky buckets whose overflow makes a decision about the client.'),
  maxTrackedClients: z
    .number()
    .int()
    .min(100)
    .default(100_000)
    .describe('Most keys each rate limit tracks; past it the longest unseen is forgotten.'),
});

const trapStrategy = z.enum(['sql', 'files', 'scanner', 'articles', 'account', 'api']);
const cidrOrAddress = z
  .string()
  .regex(/^[0-9a-fA-F:.]+(?:\/\d{1,3})?$/, 'must be an address or a CIDR range');

const trapLinksSchema = z.strictObject({
  enabled: z
    .boolean()
    .default(false)
    .describe(
      'Hide links into the maze in HTML pages from the upstream, for crawlers that ignore robots.txt.',
    ),
  prefix: z
    .string()
    .regex(/^\/[\w\-/]*\/$/, 'must be a path that starts and ends with /, like /library/')
    .default('/library/')
    .describe('Path prefix of trap links; robots.txt disallows it.'),
  count: z.number().int().min(1).max(20).default(3).describe('Trap links per page.'),
});

const goodBotsSchema = z.strictObject({
  userAgents: z
    .array(z.string().min(1))
    .default(['Googlebot', 'bingbot', 'DuckDuckBot', 'Applebot'])
    .describe('User agent substrings (case-insensitive) of crawlers that are never trapped…'),
  ranges: z
    .array(cidrOrAddress)
    .default(['66.249.64.0/19', '157.55.39.0/24', '207.46.13.0/24', '40.77.167.0/24', '17.0.0.0/8'])
    .describe("…when their address is in one of these ranges (check your crawlers' published lists)."),
});

const tarpitSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Drip maze pages slowly to hold the intruder.'),
  bytesPerInterval: z.number().int().min(1).max(65_536).default(64).describe('Bytes sent per interval.'),
  intervalMs: z.number().int().min(10).max(60_000).default(1000).describe('Time between two drips.'),
  maxConnections: z
    .number()
    .int()
    .min(0)
    .default(10_000)
    .describe('Most connections held at once; over it a page is sent at full speed.'),
  maxHoldMs: ms.default(120_000).describe('Longest time one response is held; then it ends.'),
});

const canariesSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Look for canaries in every request and act on them.'),
  action: z
    .enum(['block', 'labyrinth'])
    .default('block')
    .describe('What a client that uses a canary gets, as a decision on its address.'),
  banMs: ms.default(86_400_000).describe('How long that decision lasts.'),
  emailDomain: z.string().min(3).optional().describe('Domain of decoy e-mail addresses.'),
  internalHost: z.string().min(1).optional().describe('Host name of decoy internal URLs.'),
});

const labyrinthSchema = z.strictObject({
  enabled: z.boolean().default(false).describe('Send hostile clients into the labyrinth instead of a block.'),
  secret: z
    .string()
    .min(16)
    .optional()
    .describe('Key of the maze and its canaries; without it one is made and kept in the data dir.'),
  strategy: z
    .enum(['auto', ...trapStrategy.options])
    .default('auto')
    .describe('Trap strategy: `auto` picks by what the client did, or force one.'),
  templates: z
    .array(z.string().startsWith('/'))
    .min(1)
    .optional()
    .describe('Path templates of maze links (`{slug}`, `{year}`, `{month}`, `{noun}`, `{id}`).'),
  linksPerPage: z.number().int().min(1).max(50).default(6).describe('Links to deeper pages on each page.'),
  trainingFiles: z
    .array(z.string().min(1))
    .default([])
    .describe("Text or HTML files (e.g. the site's own pages) the article generator also learns from."),
  holdMs: ms
    .default(3_600_000)
    .describe('How long a trapped client stays in the maze after its last request.'),
  maxSessions: z.number().int().min(1).default(100_000).describe('Most intruder sessions kept in memory.'),
  trapLinks: trapLinksSchema.prefault({}).describe('Hidden links into the maze.'),
  goodBots: goodBotsSchema.prefault({}).describe('Verified crawlers: never trapped, never shown trap links.'),
  tarpit: tarpitSchema.prefault({}).describe('Slow answers for trapped clients.'),
  canaries: canariesSchema.prefault({}).describe('Decoy secrets that betray whoever uses them.'),
});

const eventStorageSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Keep every security event for search and charts.'),
  batchSize: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .describe('Events written per transaction (default 25 with SQLite and memory, 200 with PostgreSQL).'),
  flushMs: z
    .number()
    .int()
    .min(10)
    .max(60_000)
    .default(200)
    .describe('Longest an event waits in the queue before its batch is written.'),
  maxQueue: z
    .number()
    .int()
    .min(100)
    .max(10_000_000)
    .default(100_000)
    .describe('Events queued at most while the store is slow; more are dropped and counted.'),
  retentionDays: z.number().min(0.01).max(3650).default(30).describe('Days events are kept.'),
});

const postgresSchema = z.strictObject({
  url: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// connection URL')
    .optional()
    .describe('Connection URL (`postgres://user:password@host:5432/db`); needed when `driver` is postgres.'),
  schema: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'expected a lower-case SQL identifier')
    .default('infinisec')
    .describe('Schema the tables live in (created when missing).'),
  poolSize: z.number().int().min(1).max(200).default(10).describe('Most connections open at once.'),
});

const storeSchema = z.strictObject({
  driver: z
    .enum(['sqlite', 'memory', 'postgres'])
    .default('sqlite')
    .describe('Where records are kept: SQLite under `dataDir`, memory (nothing kept), or PostgreSQL.'),
  postgres: postgresSchema.prefault({}).describe('PostgreSQL, when `driver` is postgres.'),
  dataDir: z.string().min(1).default('./.infinisec').describe('Folder for the embedded database and state.'),
  events: eventStorageSchema
    .prefault({})
    .describe('Event storage: asynchronous batches, bounded queue, retention.'),
});

const redisSchema = z.strictObject({
  url: z
    .string()
    .regex(/^rediss?:\/\//, 'expected a redis:// or rediss:// URL')
    .optional()
    .describe(
      'Redis shared by the gateways (`redis://[:password@]host:6379[/db]`): decisions, rate-limit counters, labyrinth sessions and keys. Absent: each process keeps them alone.',
    ),
  prefix: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, 'expected letters, digits and . : _ -')
    .default('infinisec:')
    .describe('Prefix of every key and channel written to Redis.'),
  timeoutMs: z
    .number()
    .int()
    .min(5)
    .max(10_000)
    .default(50)
    .describe(
      'Longest a request waits for a shared rate-limit counter; past it the gateway counts alone until Redis answers again.',
    ),
});

const natsSchema = z.strictObject({
  url: z
    .string()
    .regex(/^(nats|tls):\/\//, 'expected a nats:// or tls:// URL')
    .optional()
    .describe(
      'NATS with JetStream (`nats://[user:password@]host:4222`): gateways publish events to it, the control process stores them. Absent: each process stores its own events.',
    ),
  stream: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected letters, digits, _ and -')
    .default('INFINISEC_EVENTS')
    .describe('JetStream stream of events (created when missing); dead letters go to `<stream>_DEAD`.'),
  subject: z
    .string()
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'expected a dotted subject without wildcards')
    .default('infinisec.events')
    .describe('Subject events are published on; dead letters on `<subject>.dead`.'),
  consumer: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected letters, digits, _ and -')
    .default('infinisec-store')
    .describe('Durable consumer the control process stores events from.'),
  maxDeliver: z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(5)
    .describe(
      'Deliveries of an event the store refuses (while it takes others) before it goes to the dead-letter subject; while the store is down nothing is sent there until four times this many.',
    ),
  duplicateWindowMs: ms
    .min(1000)
    .default(120_000)
    .describe('Window in which JetStream drops an event published twice (same id).'),
});

const clusterSchema = z.strictObject({
  role: z
    .enum(['all', 'gateway', 'control'])
    .default('all')
    .describe(
      'What this process runs: the gateway and the control plane (all), only the data plane (gateway), or only the control plane and event storage (control). `infinisec start --role` overrides it.',
    ),
  redis: redisSchema.prefault({}).describe('Shared state of the gateways.'),
  nats: natsSchema.prefault({}).describe('Event stream from the gateways to the control process.'),
});

const controlAuthSchema = z.strictObject({
  accessTokenSeconds: z
    .number()
    .int()
    .min(60)
    .max(3600)
    .default(900)
    .describe('Lifetime of an access token.'),
  refreshTokenHours: z
    .number()
    .min(1)
    .max(24 * 90)
    .default(168)
    .describe('Lifetime of a refresh token (each use rotates it).'),
  signingKeyRotationHours: z
    .number()
    .min(1)
    .max(24 * 365)
    .default(24)
    .describe('How often the key that signs access tokens is replaced.'),
});

const controlSchema = z.strictObject({
  enabled: z.boolean().default(true).describe('Open the control listener (metrics, health, API).'),
  host: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe('Address to bind; keep it on loopback unless protected.'),
  port: port.default(9090).describe('Port to bind; 0 picks a free one.'),
  auth: controlAuthSchema.prefault({}).describe('Sign-in tokens.'),
  streamMaxBufferedBytes: z
    .number()
    .int()
    .min(16 * 1024)
    .max(256 * 1024 * 1024)
    .default(1024 * 1024)
    .describe('Bytes a live-stream client may fall behind before it is disconnected.'),
});

const loggingSchema = z.strictObject({
  level: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Least severe level written.'),
  access: z
    .enum(['all', 'blocked', 'none'])
    .default('blocked')
    .describe('Which requests get an access log line: all, only those not allowed, or none.'),
});

/** The whole configuration of infinisec, as read from `infinisec.yaml`. */
export const configSchema = z
  .strictObject({
    server: serverSchema.prefault({}).describe('The public data-plane listeners and their limits.'),
    sites: z.array(siteSchema).default([]).describe('Applications behind the gateway, chosen by Host.'),
    inspect: inspectSchema.prefault({}).describe('Request inspection.'),
    defend: defendSchema.prefault({}).describe('Client handling: decisions, fail mode.'),
    labyrinth: labyrinthSchema.prefault({}).describe('The decoy maze.'),
    store: storeSchema.prefault({}).describe('Persistence.'),
    cluster: clusterSchema.prefault({}).describe('Several gateways sharing state: roles, Redis and NATS.'),
    brain: brainSchema.prefault({}).describe('Agents, the analyst, alerts and the traffic forecast.'),
    guardian: guardianSchema.prefault({}).describe('Change requests, approvals and impact previews.'),
    privacy: privacySchema.prefault({}).describe('Retention per kind of data and address truncation.'),
    control: controlSchema.prefault({}).describe('The control listener: metrics, health and the API.'),
    logging: loggingSchema.prefault({}).describe('Logs (JSON lines on standard output).'),
  })
  .superRefine((config, ctx) => {
    if (config.store.driver === 'postgres' && config.store.postgres.url === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['store', 'postgres', 'url'],
        message: 'store.driver is postgres: give the connection URL',
      });
    if (config.server.workers !== 1 && config.cluster.redis.url === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['server', 'workers'],
        message: 'several workers share decisions and rate limits through Redis: set cluster.redis.url',
      });
    const names = new Set<string>();
    config.sites.forEach((site, i) => {
      if (names.has(site.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sites', i, 'name'],
          message: `duplicate site name "${site.name}"`,
        });
      }
      names.add(site.name);
    });
    const limits = new Set<string>();
    config.defend.rateLimits.forEach((limit, i) => {
      if (limits.has(limit.name))
        ctx.addIssue({
          code: 'custom',
          path: ['defend', 'rateLimits', i, 'name'],
          message: `duplicate rate limit name "${limit.name}"`,
        });
      limits.add(limit.name);
    });
    const timeouts = config.server.timeouts;
    if (timeouts.requestMs !== 0 && timeouts.requestMs < timeouts.headersMs) {
      ctx.addIssue({
        code: 'custom',
        path: ['server', 'timeouts', 'requestMs'],
        message: 'must be 0 or at least server.timeouts.headersMs',
      });
    }
  });

/** Configuration as written by a user (every option optional where it has a default). */
export type ConfigInput = z.input<typeof configSchema>;
/** Configuration after validation, with every default filled in. */
export type Config = z.output<typeof configSchema>;
export type SiteConfig = Config['sites'][number];
export type RouteConfig = SiteConfig['routes'][number];
export type UpstreamConfig = SiteConfig['upstream'];
export type ListenerConfig = Config['server']['listeners'][number];
