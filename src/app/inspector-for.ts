import type { Config } from '../config/index.js';
import { createDefaultInspector, type Inspector } from '../inspect/index.js';

/** The inspector a configuration asks for: analyzers less the disabled ones, its limits and budget. */
export function inspectorFor(config: Config): Inspector {
  const { analyzers, limits, budgetMs } = config.inspect;
  return createDefaultInspector({
    disabled: analyzers.disabled,
    limits: { maxBodyBytes: limits.maxBodyBytes, maxArgs: limits.maxArgs, maxDepth: limits.maxDepth },
    budgetMs,
  });
}
