/** How often and how patiently a request is tried again; `upstream.retry` in the configuration. */
export interface RetryOptions {
  /** Most tries, the first included. */
  readonly attempts: number;
  readonly backoffMs: number;
  readonly maxBackoffMs: number;
}

/** Methods whose repetition has the same effect as one request (RFC 9110, 9.2.2). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/**
 * Failures where the target gave no answer and another try is worth it: nothing listened, the connection
 * was reset or closed under the request, or could not be opened in time. A timeout waiting for the answer is
 * not among them: the target got the request and may still be working on it.
 */
const RETRYABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/**
 * When a failed try is tried again: an idempotent method, a body that can be sent again (none, or held
 * whole in memory — never a stream already sent), a failure before any answer, and tries left.
 * @example policy.allows('GET', true) && policy.retries(err, 1) && setTimeout(again, policy.delay(1))
 */
export class RetryPolicy {
  readonly #options: RetryOptions;

  constructor(options: RetryOptions) {
    this.#options = options;
  }

  /** Whether a request may be tried more than once at all. */
  allows(method: string, bodyReplayable: boolean): boolean {
    return this.#options.attempts > 1 && bodyReplayable && IDEMPOTENT.has(method);
  }

  /** Whether, after `tried` tries of a request `allows` accepted, this failure earns another one. */
  retries(err: unknown, tried: number): boolean {
    if (tried >= this.#options.attempts) return false;
    const code = (err as { code?: unknown } | null)?.code;
    return typeof code === 'string' && RETRYABLE.has(code);
  }

  /** Milliseconds to wait before retry number `retry` (1 for the second try): full jitter, capped. */
  delay(retry: number, random: () => number = Math.random): number {
    const { backoffMs, maxBackoffMs } = this.#options;
    const cap = Math.min(maxBackoffMs, backoffMs * 2 ** (retry - 1));
    return Math.floor(random() * cap);
  }
}
