import type { IntruderSession } from '../../../core/index.js';
import type { IntruderEvidence } from './intruder-evidence.js';
import type { TrapStrategy } from './trap-strategies.js';

/** The strategy an intruder should have, why, and whether that is a change. */
export interface StrategyChoice {
  readonly strategy: string;
  readonly reasons: readonly string[];
  readonly changed: boolean;
}

/** How sure the strategist must be; every field has a default. */
export interface StrategistOptions {
  /** Summed finding confidence for an attack family to decide; default 2 (two sure findings). */
  readonly minFindingWeight?: number;
  /** Requests in the maze before their shape (logins, API calls) decides; default 5. */
  readonly minRequests?: number;
}

/**
 * The trap strategy for an intruder, from its session and what it sent inside the maze, in this order:
 * canaries of its decoys came back (they work: keep them); its findings point to a family's decoys (SQL
 * injection → `sql`); it keeps posting to login forms (`account`) or calling an API (`api`); a crawler that
 * followed a trap link reads `articles`; otherwise it keeps what it has.
 * @example chooseIntruderStrategy(session, evidence) // { strategy: 'sql', reasons: [...], changed: true }
 */
export function chooseIntruderStrategy(
  session: IntruderSession,
  evidence: IntruderEvidence,
  options: StrategistOptions = {},
): StrategyChoice {
  const current = session.strategy;
  const choose = (strategy: string, reason: string): StrategyChoice => ({
    strategy,
    reasons: [reason],
    changed: strategy !== current,
  });
  if (session.canariesUsed > 0)
    return choose(current, `${session.canariesUsed} of its canaries came back: the ${current} decoys work`);
  let top: { strategy: TrapStrategy; weight: number; analyzers: Set<string> } | undefined;
  for (const [strategy, entry] of evidence.weights)
    if (top === undefined || entry.weight > top.weight) top = { strategy, ...entry };
  if (top !== undefined && top.weight >= (options.minFindingWeight ?? 2)) {
    const family = [...top.analyzers].sort().join(', ');
    return choose(
      top.strategy,
      top.strategy === current
        ? `its attacks in the maze (${family}) are what the ${current} decoys are for`
        : `its attacks in the maze are ${family}: ${top.strategy} decoys answer them`,
    );
  }
  const { requests, loginPosts, apiRequests } = evidence;
  if (requests >= (options.minRequests ?? 5)) {
    if (loginPosts * 2 >= requests)
      return choose('account', `${loginPosts} of its ${requests} requests in the maze post to a login form`);
    if (apiRequests * 2 >= requests)
      return choose('api', `${apiRequests} of its ${requests} requests in the maze call an API`);
  }
  if (session.reason === 'labyrinth/trap-link' && current !== 'articles')
    return choose('articles', 'a crawler that followed a trap link: endless articles keep it reading');
  return choose(current, 'nothing it did points to better decoys');
}
