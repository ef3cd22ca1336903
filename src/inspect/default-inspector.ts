import type { Analyzer } from './analyzer.js';
import { BUILTIN_ANALYZERS } from './analyzers/index.js';
import { createBodyRest, type ExtractLimits, extractRequest } from './extract/index.js';
import { createInspector, type Inspector } from './inspector.js';
import { normalizeValue } from './normalize/index.js';
import { createValueMemo } from './value-memo.js';

/**
 * The order analyzers run in. Analysis stops once a request's verdict is reached, so the families that
 * most often settle it come first; the order changes no verdict, only how soon an attack is decided.
 */
const RUN_ORDER: readonly string[] = [
  'sqli',
  'xss',
  'cmdi',
  'traversal',
  'php',
  'rfi',
  'ssrf',
  'log4shell',
  'ssti',
  'deserialization',
  'nosqli',
  'xxe',
  'shellshock',
  'crlf',
  'ldapi',
  'xpath',
];

function runRank(id: string): number {
  const rank = RUN_ORDER.indexOf(id);
  return rank === -1 ? RUN_ORDER.length : rank;
}

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
    .sort(([a], [b]) => runRank(a) - runRank(b))
    .map(([, factory]) => factory({}));
  const limits = options.limits;
  return createInspector({
    analyzers,
    extract: (view) => extractRequest(view, limits),
    extractRest: (view) => createBodyRest(view, limits),
    normalize: normalizeValue,
    // Header values and paths recur across requests (one browser, one site): analyze each distinct one once.
    memo: createValueMemo({ kinds: ['header-value', 'path', 'method'], maxLength: 512, maxEntries: 2048 }),
    ...(options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs }),
  });
}
