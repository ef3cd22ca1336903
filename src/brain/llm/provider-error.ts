/**
 * How a call to a provider failed: `timeout` (no complete answer in time), `network` (refused, reset, DNS),
 * `auth` (401/403), `rate-limit` (429), `server` (5xx), `refused` (another 4xx: the request was not accepted),
 * `bad-response` (2xx whose body is not the API's shape).
 */
export type ProviderFailure =
  | 'timeout'
  | 'network'
  | 'auth'
  | 'rate-limit'
  | 'server'
  | 'refused'
  | 'bad-response';

/** A failed call to a chat provider; its message never holds the key (error bodies are scrubbed first). */
export class LlmProviderError extends Error {
  readonly kind: ProviderFailure;
  readonly provider: string;
  /** HTTP status, when the server answered. */
  readonly status: number | undefined;

  constructor(
    provider: string,
    kind: ProviderFailure,
    detail: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(`brain.llm.${provider}: ${kind}: ${detail}`, { cause: options.cause });
    this.name = 'LlmProviderError';
    this.kind = kind;
    this.provider = provider;
    this.status = options.status;
  }
}

/** The failure an HTTP status stands for. */
export function failureForStatus(status: number): ProviderFailure {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  return 'refused';
}
