import { failureForStatus, LlmProviderError } from './provider-error.js';
import { redactSecrets } from './secret-patterns.js';

/** One JSON POST to a provider. */
export interface PostJsonRequest {
  /** Provider name, for errors. */
  readonly provider: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly timeoutMs: number;
  /** Largest answer read; a longer one is a `bad-response`. */
  readonly maxResponseBytes: number;
  /** Values scrubbed from anything that goes into an error (the key, which some APIs echo back). */
  readonly secrets: readonly string[];
}

const DETAIL_CHARS = 200;

function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join('[secret]');
  return redactSecrets(out).replace(/\s+/g, ' ').slice(0, DETAIL_CHARS);
}

async function readCapped(response: Response, max: number, req: PostJsonRequest): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new LlmProviderError(req.provider, 'bad-response', `answer over ${max} bytes`, {
        status: response.status,
      });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

// What an API's error body says: OpenAI-style `{error: {message}}`, Anthropic-style `{error: {type, message}}`.
function errorMessageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    const error = body?.error;
    if (typeof error === 'string') return error;
    if (error !== null && typeof error === 'object') {
      const { message, type } = error as { message?: unknown; type?: unknown };
      if (typeof message === 'string') return typeof type === 'string' ? `${type}: ${message}` : message;
    }
    if (typeof body?.message === 'string') return body.message;
  } catch {
    // Not JSON: the start of the text says enough.
  }
  return text;
}

function failureOf(err: unknown, req: PostJsonRequest): LlmProviderError {
  if (err instanceof LlmProviderError) return err;
  const name = (err as { name?: unknown })?.name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return new LlmProviderError(req.provider, 'timeout', `no complete answer within ${req.timeoutMs} ms`);
  const cause = (err as { cause?: { code?: unknown; message?: unknown } })?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const detail = code ?? (typeof cause?.message === 'string' ? cause.message : String(err));
  return new LlmProviderError(req.provider, 'network', scrub(detail, req.secrets));
}

/**
 * POSTs JSON and resolves with the parsed JSON of a 2xx answer; rejects with an `LlmProviderError` for every
 * other outcome (timeout, network, non-2xx with the API's error message, a body that is not JSON or too long).
 */
export async function postJson(req: PostJsonRequest): Promise<unknown> {
  let status = 0;
  let text: string;
  try {
    const response = await fetch(req.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...req.headers },
      body: JSON.stringify(req.body),
      signal: AbortSignal.timeout(req.timeoutMs),
      redirect: 'error',
    });
    status = response.status;
    text = await readCapped(response, req.maxResponseBytes, req);
  } catch (err) {
    throw failureOf(err, req);
  }
  if (status < 200 || status > 299) {
    const detail = scrub(`HTTP ${status}: ${errorMessageOf(text)}`, req.secrets);
    throw new LlmProviderError(req.provider, failureForStatus(status), detail, { status });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The parser's message quotes the body, so it is not kept as the cause.
    throw new LlmProviderError(req.provider, 'bad-response', 'the answer is not JSON', { status });
  }
}
