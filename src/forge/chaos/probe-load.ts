import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { z } from 'zod';
import { durationField } from './duration.js';
import type { ProbeSample } from './sliding-window.js';

/** The most probe requests a second, and in one experiment. */
export const MAX_PROBE_RATE = 200;
export const MAX_PROBE_REQUESTS = 100_000;

// Bytes of an answer read before the rest is dropped unread (the connection is then closed).
const MAX_BODY_BYTES = 1024 * 1024;

/** The load that tests the steady state: `rate` requests a second, taking `paths` in turn. */
export const probeSchema = z.strictObject({
  url: z
    .string()
    .refine((s) => /^https?:\/\//.test(s) && URL.canParse(s), {
      message: 'must be an http:// or https:// URL',
    })
    .describe('Where probes go, normally the gateway: http://127.0.0.1:8080.'),
  method: z
    .string()
    .regex(/^[A-Z]+$/, { message: 'must be an HTTP method in capitals, like GET' })
    .default('GET')
    .describe('Method of every probe.'),
  paths: z
    .array(z.string().startsWith('/'))
    .min(1)
    .max(100)
    .default(['/'])
    .describe('Paths (with any query) probed in turn.'),
  headers: z.record(z.string(), z.string()).default({}).describe('Headers sent with every probe (Host too).'),
  rate: z.number().min(0.1).max(MAX_PROBE_RATE).default(10).describe('Probes a second.'),
  concurrency: z
    .number()
    .int()
    .min(1)
    .max(256)
    .default(16)
    .describe('Most probes in flight; a probe due while that many are out is skipped (and counted).'),
  timeout: durationField({ min: 10, max: 60_000 })
    .default(5000)
    .describe('A probe with no whole answer by then is an error.'),
});

/** A probe as validated. */
export type Probe = z.output<typeof probeSchema>;

/** Counts of a probe load so far. */
export interface ProbeCounts {
  readonly sent: number;
  readonly answered: number;
  readonly skipped: number;
}

/** A probe load under way. */
export interface ProbeLoad {
  counts(): ProbeCounts;
  /** Sends no more probes and cuts off those in flight (their outcomes are not reported). */
  stop(): void;
}

/**
 * Sends probes at a steady rate until stopped or `maxRequests` are sent, and reports each outcome: a 2xx or
 * 3xx answer is ok; another status, a network error or the timeout is an error.
 * @example const load = startProbeLoad(probe, { onSample: (s) => window.add(s), clock: () => performance.now() });
 */
export function startProbeLoad(
  probe: Probe,
  options: {
    readonly onSample: (sample: ProbeSample) => void;
    readonly clock: () => number;
    readonly maxRequests?: number;
  },
): ProbeLoad {
  const url = new URL(probe.url);
  const https = url.protocol === 'https:';
  const agent = https
    ? new HttpsAgent({ keepAlive: true, maxSockets: probe.concurrency })
    : new HttpAgent({ keepAlive: true, maxSockets: probe.concurrency });
  const maxRequests = Math.min(options.maxRequests ?? MAX_PROBE_REQUESTS, MAX_PROBE_REQUESTS);
  const inFlight = new Set<() => void>();
  let sent = 0;
  let answered = 0;
  let skipped = 0;
  let stopped = false;

  const send = () => {
    if (stopped) return;
    if (sent >= maxRequests) return void clearInterval(timer);
    if (inFlight.size >= probe.concurrency) return void skipped++;
    const path = probe.paths[sent % probe.paths.length]!;
    sent++;
    const started = options.clock();
    let settled = false;
    const finish = (ok: boolean, outcome: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      inFlight.delete(cancel);
      if (stopped) return;
      answered++;
      const at = options.clock();
      options.onSample({ at, ok, ms: at - started, outcome });
    };
    const req = (https ? httpsRequest : httpRequest)(
      new URL(path, url),
      { method: probe.method, headers: probe.headers, agent },
      (res) => {
        const status = res.statusCode ?? 0;
        let bytes = 0;
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > MAX_BODY_BYTES) res.destroy();
        });
        res.once('end', () => finish(status >= 200 && status < 400, String(status)));
        res.once('error', (err: NodeJS.ErrnoException) => finish(false, errorName(err)));
        // Closed before its end: cut short by the server, unless this side stopped reading a long body.
        res.once('close', () =>
          bytes > MAX_BODY_BYTES
            ? finish(status >= 200 && status < 400, String(status))
            : finish(false, 'aborted'),
        );
      },
    );
    const cancel = () => {
      settled = true;
      clearTimeout(deadline);
      req.destroy();
    };
    const deadline = setTimeout(() => {
      finish(false, 'timeout');
      req.destroy();
    }, probe.timeout);
    inFlight.add(cancel);
    req.once('error', (err: NodeJS.ErrnoException) => finish(false, errorName(err)));
    req.end();
  };

  const timer = setInterval(send, 1000 / probe.rate);
  send();
  return {
    counts: () => ({ sent, answered, skipped }),
    stop() {
      stopped = true;
      clearInterval(timer);
      for (const cancel of inFlight) cancel();
      inFlight.clear();
      agent.destroy();
    },
  };
}

function errorName(err: NodeJS.ErrnoException): string {
  if (err.code) return err.code;
  return err.message === 'aborted' ? 'aborted' : 'network-error';
}
