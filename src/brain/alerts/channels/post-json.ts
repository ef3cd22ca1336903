import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import type { DeliveryOutcome } from './alert-channel.js';

/** How a channel posts over HTTP: timeout, and retries with backoff. */
export interface AlertHttpOptions {
  /** Longest one try may take, connecting included, milliseconds. Default 5,000; at most 60,000. */
  readonly timeoutMs: number;
  /** Tries after the first, on a network error, a timeout, a 429 or a 5xx. Default 3; at most 10. */
  readonly retries: number;
  /** Wait before the first retry, doubled at each next (with jitter), milliseconds. Default 500. */
  readonly backoffMs: number;
  /** Longest wait between two tries, milliseconds. Default 10,000; at most 60,000. */
  readonly maxBackoffMs: number;
}

/** Defaults of HTTP delivery. */
export const ALERT_HTTP_DEFAULTS: AlertHttpOptions = {
  timeoutMs: 5000,
  retries: 3,
  backoffMs: 500,
  maxBackoffMs: 10_000,
};

/** Refuses (TypeError) delivery options out of their bounds, and an address that is not http(s). */
export function checkHttpDelivery(channel: string, url: string, options: AlertHttpOptions): URL {
  const bad = (what: string) => new TypeError(`brain.alerts: channel ${channel}: ${what}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The address itself may hold a secret (a Slack webhook's path does): never repeat it.
    throw bad('url is not a valid address');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw bad('url must be http or https');
  const within = (value: number, min: number, max: number) =>
    Number.isInteger(value) && value >= min && value <= max;
  if (!within(options.timeoutMs, 1, 60_000)) throw bad('timeoutMs must be a whole number from 1 to 60000');
  if (!within(options.retries, 0, 10)) throw bad('retries must be a whole number from 0 to 10');
  if (!within(options.maxBackoffMs, 0, 60_000))
    throw bad('maxBackoffMs must be a whole number from 0 to 60000');
  if (!within(options.backoffMs, 0, options.maxBackoffMs))
    throw bad('backoffMs must be from 0 to maxBackoffMs');
  return parsed;
}

/** A try's failure and whether another try may help. */
interface Failure {
  readonly reason: string;
  readonly retry: boolean;
}

async function postOnce(url: URL, body: string, headers: Record<string, string>, timeoutMs: number) {
  try {
    const res = await request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'infinisec-alerts', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    await res.body.dump();
    if (res.statusCode >= 200 && res.statusCode < 300) return undefined;
    return { reason: `status ${res.statusCode}`, retry: res.statusCode === 429 || res.statusCode >= 500 };
  } catch (err) {
    const { name, code } = err as { name?: string; code?: string };
    const timeout = name === 'TimeoutError' || name === 'AbortError' || (code ?? '').includes('TIMEOUT');
    return { reason: timeout ? 'timeout' : `network ${code ?? name ?? 'error'}`, retry: true };
  }
}

/**
 * Posts a JSON body, trying again after a network error, a timeout, a 429 or a 5xx, up to `retries` more
 * times with doubling backoff and jitter; never again after another 4xx or a redirect (not followed).
 * Resolves with the outcome; never rejects.
 * @example await postJson(new URL('https://hooks.example/x'), '{"a":1}', {}, ALERT_HTTP_DEFAULTS)
 */
export async function postJson(
  url: URL,
  body: string,
  headers: Record<string, string>,
  options: AlertHttpOptions,
): Promise<DeliveryOutcome> {
  let failure: Failure | undefined;
  for (let attempt = 1; attempt <= options.retries + 1; attempt++) {
    if (attempt > 1) {
      const backoff = Math.min(options.maxBackoffMs, options.backoffMs * 2 ** (attempt - 2));
      await sleep(backoff * (0.5 + Math.random() / 2));
    }
    failure = await postOnce(url, body, headers, options.timeoutMs);
    if (failure === undefined) return { ok: true, attempts: attempt };
    if (!failure.retry) return { ok: false, attempts: attempt, reason: failure.reason };
  }
  return { ok: false, attempts: options.retries + 1, reason: failure?.reason ?? 'error' };
}
