/** How long a decision lasts, as offered in forms; `never` means no expiry. */
export const TTL_OPTIONS = [
  ['3600', '1 hour'],
  ['86400', '24 hours'],
  ['604800', '7 days'],
  ['2592000', '30 days'],
  ['never', 'Never expires'],
] as const;

/** A TTL option's value. */
export type TtlChoice = (typeof TTL_OPTIONS)[number][0];

/** The `ttlSeconds` of a choice, absent for `never`. */
export function ttlSeconds(choice: TtlChoice): { ttlSeconds?: number } {
  return choice === 'never' ? {} : { ttlSeconds: Number(choice) };
}
