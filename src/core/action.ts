/** What the gateway does with a request; a security decision is always one of these values. */
export const ACTIONS = ['allow', 'log', 'ratelimit', 'challenge', 'labyrinth', 'tarpit', 'block'] as const;

/** One rung of the response ladder, from the mildest (`allow`) to the strongest (`block`). */
export type Action = (typeof ACTIONS)[number];

/** True when the action lets the request reach the upstream. */
export function isPassThrough(action: Action): boolean {
  return action === 'allow' || action === 'log';
}
