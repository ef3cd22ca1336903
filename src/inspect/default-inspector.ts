import type { Analyzer } from './analyzer.js';
import { BUILTIN_ANALYZERS } from './analyzers/index.js';
import { type ExtractLimits, extractRequest } from './extract/index.js';
import { createInspector, type Inspector } from './inspector.js';
import { normalizeValue } from './normalize/index.js';

/** What the built-in engine is built from. */
export interface DefaultInspectorOptions {
  /** Analyzer ids that do not run. */
  readonly disabled?: readonly string[];
  readonly limits: ExtractLimits;
  readonly budgetMs?: number;
}

/**
 * The inspector with every built-in analyzer (less the disabled ones), the built-in extraction and
 * normalization. The gateway and `infinisec scan` both use it.
 */
export function createDefaultInspector(options: DefaultInspectorOptions): Inspector {
  const disabled = new Set(options.disabled ?? []);
  const unknown = [...disabled].filter((id) => !Object.hasOwn(BUILTIN_ANALYZERS, id));
  if (unknown.length > 0) {
    throw new TypeError(
      `inspect.analyzers.disabled: no analyzer named ${unknown.map((u) => `"${u}"`).join(', ')}`,
    );
  }
  const analyzers: Analyzer[] = Object.entries(BUILTIN_ANALYZERS)
    .filter(([id]) => !disabled.has(id))
    .map(([, factory]) => factory({}));
  const limits = options.limits;
  return createInspector({
    analyzers,
    extract: (view) => extractRequest(view, limits),
    normalize: normalizeValue,
    ...(options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs }),
  });
}
