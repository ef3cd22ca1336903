import type { Finding } from '../core/index.js';

/** A scoped exclusion: every field that is set must match for a finding to be silenced. */
export interface Exclusion {
  readonly site?: string | undefined;
  readonly path?: string | undefined;
  readonly location?: string | undefined;
  readonly analyzer?: string | undefined;
  readonly rule?: string | undefined;
}

/** Removes the findings that an exclusion covers, for one request of one site and path. */
export type ExclusionFilter = (
  findings: readonly Finding[],
  site: string,
  path: string,
) => readonly Finding[];

function prefixOrExact(pattern: string): (value: string) => boolean {
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1);
    return (value) => value.startsWith(prefix);
  }
  return (value) => value === pattern;
}

/**
 * Compiles exclusions into a filter. A path matches by prefix; a location exactly, or by prefix with a
 * trailing `*`.
 * @example compileExclusions([{ path: '/blog/', location: 'body.json.content', analyzer: 'xss' }])
 */
export function compileExclusions(exclusions: readonly Exclusion[]): ExclusionFilter {
  if (exclusions.length === 0) return (findings) => findings;
  const compiled = exclusions.map((e) => {
    const path = e.path?.endsWith('*') ? e.path.slice(0, -1) : e.path;
    const location = e.location === undefined ? undefined : prefixOrExact(e.location);
    return { ...e, path, location };
  });
  return (findings, site, requestPath) => {
    if (findings.length === 0) return findings;
    const scoped = compiled.filter(
      (e) =>
        (e.site === undefined || e.site === site) && (e.path === undefined || requestPath.startsWith(e.path)),
    );
    if (scoped.length === 0) return findings;
    return findings.filter(
      (f) =>
        !scoped.some(
          (e) =>
            (e.analyzer === undefined || e.analyzer === f.analyzer) &&
            (e.rule === undefined || e.rule === f.rule) &&
            (e.location === undefined || e.location(f.location)),
        ),
    );
  };
}
