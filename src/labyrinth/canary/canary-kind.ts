/** The shapes of decoy secret a maze page can carry; each is unique to the intruder it was served to. */
export const CANARY_KINDS = [
  'aws-key',
  'github-token',
  'stripe-key',
  'api-key',
  'jwt',
  'session',
  'email',
  'password',
  'internal-url',
] as const;

export type CanaryKind = (typeof CANARY_KINDS)[number];

/**
 * Mints the canary of one kind for the intruder a page is served to. Deterministic: the same kind and slot
 * give the same token for the same intruder, so a revisited page keeps its bytes; `slot` tells apart the
 * tokens on one page (e.g. the page path and an index).
 */
export type CanaryMint = (kind: CanaryKind, slot: string) => string;
