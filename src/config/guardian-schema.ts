import { z } from 'zod';

const webhookSchema = z.strictObject({
  url: z
    .string()
    .regex(/^https?:\/\//, 'an http(s) URL')
    .describe(
      'Receives a JSON POST for each change request created, approved, rejected, applied or expired.',
    ),
  headerEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'an environment variable name')
    .optional()
    .describe('Environment variable holding an `Authorization` header value for the webhook.'),
});

const approvalsSchema = z.strictObject({
  enabled: z
    .boolean()
    .default(false)
    .describe(
      'Route configuration changes, exclusions, rollbacks and broad decisions through change requests: low impact applies at once, high impact waits for approvers. Off: they apply at once and are still recorded.',
    ),
  approvers: z
    .number()
    .int()
    .min(1)
    .max(10)
    .default(1)
    .describe('Approvals a high-impact request needs, each from someone other than the requester.'),
  expireHours: z
    .number()
    .min(0.01)
    .max(24 * 90)
    .default(72)
    .describe('Hours a pending request waits for its approvals before it expires.'),
  broadIpv4Prefix: z
    .number()
    .int()
    .min(0)
    .max(32)
    .default(24)
    .describe(
      'An IPv4 decision on a range wider than this prefix (`/16` is wider than `/24`) is a change request.',
    ),
  broadIpv6Prefix: z.number().int().min(0).max(128).default(48).describe('Likewise for IPv6 ranges.'),
  notify: z.array(webhookSchema).max(10).default([]).describe('Webhooks told about change requests.'),
});

const samplesSchema = z.strictObject({
  enabled: z
    .boolean()
    .default(true)
    .describe(
      'Keep a redacted sample of recent requests, so that changes can be previewed against real traffic.',
    ),
  max: z.number().int().min(10).max(100_000).default(2000).describe('Requests kept at most (the newest).'),
  rate: z
    .number()
    .min(0.0001)
    .max(1)
    .default(0.1)
    .describe('Share of requests taken into the sample (every request that was not allowed is taken).'),
  bodyBytes: z
    .number()
    .int()
    .min(0)
    .max(65_536)
    .default(4096)
    .describe('Bytes of a body kept with its sample.'),
});

/** Change requests, approvals and the request sample their previews replay. */
export const guardianSchema = z.strictObject({
  approvals: approvalsSchema.prefault({}).describe('Change requests and who approves them.'),
  samples: samplesSchema.prefault({}).describe('The request sample impact previews replay.'),
});

const days = (what: string, fallback: number) =>
  z.number().min(0.01).max(3650).default(fallback).describe(`Days ${what} are kept.`);

/** Retention per kind of data, address truncation. */
export const privacySchema = z.strictObject({
  retentionDays: z
    .strictObject({
      samples: days('request samples', 7),
      incidents: days('incidents (by last activity)', 90),
      intruders: days('labyrinth intruder sessions (by last activity)', 30),
      changes: days('decided change requests', 365),
    })
    .prefault({})
    .describe(
      'Retention of each kind of data; events follow `store.events.retentionDays`, the audit log is kept.',
    ),
  truncateAddresses: z
    .strictObject({
      enabled: z
        .boolean()
        .default(false)
        .describe('Store client addresses in events and samples cut to their network prefix.'),
      ipv4Prefix: z.number().int().min(0).max(32).default(24).describe('Bits of an IPv4 address kept.'),
      ipv6Prefix: z.number().int().min(0).max(128).default(48).describe('Bits of an IPv6 address kept.'),
    })
    .prefault({})
    .describe('Decisions still see whole addresses; only what is stored is cut.'),
});
