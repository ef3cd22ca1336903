/**
 * What the analyst may recommend, and what each target is: `block`, `challenge`, `labyrinth`, `watch` a
 * client address; `ratelimit` a client address or a path; `fix-upstream` a path the attacks reached;
 * `review-rule` a rule or analyzer id that may be matching legitimate traffic.
 */
export const RECOMMENDED_ACTION_KINDS = [
  'block',
  'challenge',
  'ratelimit',
  'labyrinth',
  'watch',
  'review-rule',
  'fix-upstream',
] as const;

/** One kind of recommended action. */
export type RecommendedActionKind = (typeof RECOMMENDED_ACTION_KINDS)[number];

/** One step an operator (or the responder, after approval) can take. */
export interface RecommendedAction {
  readonly kind: RecommendedActionKind;
  /** A client address, a path, or a rule id, as `kind` says. */
  readonly target: string;
  readonly reason: string;
}

/** The clients, paths and rules an incident's recommended actions may name. */
export interface ActionTargets {
  readonly clients: ReadonlySet<string>;
  readonly paths: readonly string[];
  readonly rules: ReadonlySet<string>;
}

// A path, or a prefix of one that ends at a segment boundary.
function pathSeen(target: string, paths: readonly string[]): boolean {
  if (!target.startsWith('/')) return false;
  return paths.some((p) => p === target || (p.startsWith(target) && /^[/?]/.test(p.slice(target.length))));
}

/** Whether the action names a target of its own kind that belongs to the incident. */
export function targetBelongs(action: RecommendedAction, targets: ActionTargets): boolean {
  switch (action.kind) {
    case 'ratelimit':
      return targets.clients.has(action.target) || pathSeen(action.target, targets.paths);
    case 'fix-upstream':
      return pathSeen(action.target, targets.paths);
    case 'review-rule':
      return targets.rules.has(action.target);
    default:
      return targets.clients.has(action.target);
  }
}
