import { Counter, type Registry } from 'prom-client';
import type { CanaryUse, IntruderSession } from '../core/index.js';

/** Metrics of the labyrinth, fed by its bus topics. */
export interface LabyrinthMetrics {
  session(session: IntruderSession): void;
  canary(use: CanaryUse): void;
}

/** Registers the labyrinth's counters: sessions opened by strategy, pages and bytes served, canaries used. */
export function createLabyrinthMetrics(registry: Registry): LabyrinthMetrics {
  const sessions = new Counter({
    name: 'infinisec_labyrinth_sessions_total',
    help: 'Clients sent into the labyrinth, by trap strategy.',
    labelNames: ['strategy'] as const,
    registers: [registry],
  });
  const pages = new Counter({
    name: 'infinisec_labyrinth_pages_total',
    help: 'Maze pages served.',
    registers: [registry],
  });
  const canaries = new Counter({
    name: 'infinisec_labyrinth_canaries_used_total',
    help: 'Requests that carried a canary served by the maze, by canary kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const seen = new Map<string, number>();
  return {
    session(session) {
      const before = seen.get(session.id);
      if (before === undefined) sessions.inc({ strategy: session.strategy });
      if (before !== undefined && session.pages > before) pages.inc(session.pages - before);
      else if (before === undefined && session.pages > 0) pages.inc(session.pages);
      seen.delete(session.id);
      seen.set(session.id, session.pages);
      // Remember recent sessions only: the count of pages needs the last value, not a full history.
      if (seen.size > 100_000) seen.delete(seen.keys().next().value!);
    },
    canary(use) {
      canaries.inc({ kind: use.kind });
    },
  };
}
