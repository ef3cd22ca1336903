/** Names longer than this are cut in locations: a location is a log field, the full name is a value. */
const MAX_NAME = 128;

/** `prefix.name` (or another separator), with an overlong name cut so one request cannot bloat log lines. */
export function locationName(prefix: string, name: string, separator = '.'): string {
  return `${prefix}${separator}${name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…` : name}`;
}
