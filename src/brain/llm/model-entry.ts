import { z } from 'zod';

/** One step of the model chain: which model, on which provider, at what price. */
export interface ModelEntry {
  /** A provider's `name`. */
  readonly provider: string;
  /** The model id the provider knows, e.g. `gpt-4o-mini`, `claude-3-5-haiku-latest`, `llama3.1`. */
  readonly model: string;
  /** USD per 1,000 input tokens, for the cost figures. Default 0 (a local model). */
  readonly inputPricePer1k?: number;
  /** USD per 1,000 output tokens. Default 0. */
  readonly outputPricePer1k?: number;
  /** Upper bound on an answer's tokens. Default 1,024. */
  readonly maxOutputTokens?: number;
  /** Default 0, for the steadiest answers. */
  readonly temperature?: number;
}

const modelEntrySchema = z.object({
  provider: z.string().min(1),
  model: z.string().min(1).max(200),
  inputPricePer1k: z.number().min(0).max(1000).default(0),
  outputPricePer1k: z.number().min(0).max(1000).default(0),
  maxOutputTokens: z.int().min(16).max(200_000).default(1024),
  temperature: z.number().min(0).max(2).default(0),
});

/** A validated model entry, defaults filled in. */
export type ModelSettings = z.output<typeof modelEntrySchema>;

/** Parses a model entry or throws a TypeError naming every problem. */
export function parseModelEntry(entry: ModelEntry, index: number): ModelSettings {
  const parsed = modelEntrySchema.safeParse(entry);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new TypeError(`brain.llm: models[${index}]: ${problems.join('; ')}`);
}
