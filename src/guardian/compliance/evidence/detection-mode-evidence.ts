import type { Evidence } from '../evidence.js';
import { detail } from '../evidence-text.js';

/** How requests are inspected, globally and where routes differ. */
export interface DetectionFacts {
  readonly enabled: boolean;
  readonly mode: 'block' | 'detect';
  readonly sensitivity: string;
  /** What an unknown client gets when a store is down, and what a request gets when inspection fails. */
  readonly failMode: 'open' | 'closed';
  readonly inspectFailMode: 'open' | 'closed';
  readonly disabledAnalyzers: readonly string[];
  /** Routes (`site/path`) that turn inspection off, or only detect. */
  readonly routesOff: readonly string[];
  readonly routesDetect: readonly string[];
  readonly exclusions: number;
}

/**
 * Whether attacks are stopped or only logged: inspection off fails, detect-only (everywhere or on some
 * routes) is a warn, blocking everywhere passes.
 */
export function detectionModeEvidence(facts: DetectionFacts): Evidence {
  const base = { id: 'detection-mode', title: 'Attack detection and blocking' } as const;
  const details = [
    detail('inspection', facts.enabled ? `on, mode ${facts.mode}` : 'off'),
    detail('sensitivity', facts.sensitivity),
    detail(
      'analyzers turned off',
      facts.disabledAnalyzers.length === 0 ? 'none' : facts.disabledAnalyzers.join(', '),
    ),
    detail('routes without inspection', facts.routesOff.length === 0 ? 'none' : facts.routesOff.join(', ')),
    detail(
      'routes in detect-only mode',
      facts.routesDetect.length === 0 ? 'none' : facts.routesDetect.join(', '),
    ),
    detail('scoped exclusions', facts.exclusions),
    detail('when a store is down', facts.failMode === 'open' ? 'serve (fail open)' : 'refuse (fail closed)'),
    detail(
      'when inspection fails',
      facts.inspectFailMode === 'open' ? 'forward uninspected (fail open)' : 'answer 503 (fail closed)',
    ),
  ];
  if (!facts.enabled)
    return {
      ...base,
      status: 'fail',
      finding: 'Request inspection is turned off (inspect.enabled).',
      details,
    };
  if (facts.mode === 'detect')
    return {
      ...base,
      status: 'warn',
      finding: 'Detect-only: attacks are logged but not blocked (inspect.mode detect).',
      details,
    };
  const partial = [...facts.routesOff, ...facts.routesDetect];
  if (partial.length > 0)
    return {
      ...base,
      status: 'warn',
      finding: `Attacks are blocked, except on routes that only detect or skip inspection: ${partial.join(', ')}.`,
      details,
    };
  return {
    ...base,
    status: 'pass',
    finding: `Every request is inspected and attacks are blocked (sensitivity ${facts.sensitivity}).`,
    details,
  };
}
