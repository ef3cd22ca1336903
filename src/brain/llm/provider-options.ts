import { z } from 'zod';

/** How to reach one chat provider; `kind` picks the API it speaks. */
export interface LlmProviderOptions {
  /** What models refer to it by, e.g. `openai`, `mistral`, `local-ollama`. */
  readonly name: string;
  /** `openai-compatible` (OpenAI, Mistral, xAI, vLLM, Ollama, ...) or `anthropic`. */
  readonly kind: string;
  /**
   * Where the API lives. openai-compatible: up to and including the version, e.g. `https://api.openai.com/v1`,
   * `https://api.mistral.ai/v1`, `https://api.x.ai/v1`, `http://127.0.0.1:11434/v1` (Ollama),
   * `http://127.0.0.1:8000/v1` (vLLM); no default. anthropic: default `https://api.anthropic.com`.
   */
  readonly baseUrl?: string;
  /** Bearer key (openai-compatible; may be left out for a local server) or `x-api-key` (anthropic, required). */
  readonly apiKey?: string;
  /** Whole call, headers and body. Default 30,000 ms. */
  readonly timeoutMs?: number;
  /** Largest answer read. Default 1 MiB. */
  readonly maxResponseBytes?: number;
  /** openai-compatible: send `response_format: {type: "json_object"}` when JSON is wanted. Default false. */
  readonly jsonMode?: boolean;
  /** anthropic: the `anthropic-version` header. Default `2023-06-01`. */
  readonly apiVersion?: string;
}

/** The options every provider kind shares, validated; a factory adds its own checks. */
export const providerOptionsSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i, 'letters, digits, dot, dash and underscore'),
  kind: z.string(),
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  apiKey: z.string().min(1).optional(),
  timeoutMs: z.int().min(10).max(600_000).default(30_000),
  maxResponseBytes: z
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  jsonMode: z.boolean().default(false),
  apiVersion: z.string().min(1).default('2023-06-01'),
});

/** Validated provider options. */
export type ProviderSettings = z.output<typeof providerOptionsSchema>;

/** Parses the options or throws a TypeError naming every problem (never the key's value). */
export function parseProviderOptions(options: LlmProviderOptions): ProviderSettings {
  const parsed = providerOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.') || '(options)'}: ${issue.message}`,
  );
  throw new TypeError(`brain.llm: provider ${String(options?.name)}: ${problems.join('; ')}`);
}
