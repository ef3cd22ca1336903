/** Prefix shared by every env twin of a config option. */
export const ENV_PREFIX = 'INFINISEC_';

/** The env variable naming the config file; reserved, so it is never an option's twin. */
export const CONFIG_PATH_ENV = 'INFINISEC_CONFIG';

/** `INFINISEC_*` variables that are not options; any other unknown one is refused as a likely typo. */
export const RESERVED_ENV_NAMES: ReadonlySet<string> = new Set([
  CONFIG_PATH_ENV,
  'INFINISEC_DEBUG',
  'INFINISEC_SECRET_KEY',
]);

/**
 * The env twin of an option path: `INFINISEC_` plus the segments in SCREAMING_SNAKE_CASE.
 * @example envNameFor(['server', 'limits', 'maxBodyBytes']) // 'INFINISEC_SERVER_LIMITS_MAX_BODY_BYTES'
 */
export function envNameFor(segments: readonly string[]): string {
  return ENV_PREFIX + segments.map(screamingSnake).join('_');
}

function screamingSnake(camel: string): string {
  return camel
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}
