import { join } from 'node:path';
import type { Config } from '../config/index.js';
import type { Decision, EventBus, Log, Topics } from '../core/index.js';
import type { DecisionTable } from '../defend/index.js';
import type { DecisionStore } from '../store/index.js';

/** The database file of the embedded store, under the data dir. */
export function databaseFile(config: Config): string {
  return join(config.store.dataDir, 'infinisec.db');
}

/** Keeps the gateway's run-time decisions and the store in step. */
export interface DecisionPersistence {
  /** Adds a decision to the gateway and the store (an operator's, through the API). */
  add(decision: Decision): Promise<void>;
  /** Removes a decision from the gateway and the store; whether either had it. */
  remove(id: string): Promise<boolean>;
  /** Writes what is still queued and stops syncing; the store stays open for its owner to close. */
  close(): Promise<void>;
}

// How often decisions added or deleted by another process (the CLI) are picked up.
const SYNC_MS = 5000;

/** Subscribes to changes other processes make to the store; resolves to the unsubscribe function. */
export type WatchDecisions = (onChange: () => void) => Promise<() => Promise<void>>;

/**
 * Loads the decisions in force into the gateway's table, writes each new one the gateway makes (after the
 * request that made it, never during), and picks up what another process added to or deleted from the store:
 * at once when the store tells of changes (`watch`, Redis), and every few seconds in any case. A store that
 * fails is logged; the gateway keeps deciding from memory.
 */
export async function persistDecisions(
  store: DecisionStore,
  table: DecisionTable,
  bus: EventBus<Topics>,
  log: Log,
  watch?: WatchDecisions,
): Promise<DecisionPersistence> {
  const fromStore = new Set<string>();
  const apply = (decisions: readonly Decision[]) => {
    const seen = new Set<string>();
    for (const decision of decisions) {
      seen.add(decision.id);
      if (fromStore.has(decision.id)) continue;
      try {
        table.add(decision);
        fromStore.add(decision.id);
      } catch (err) {
        log.warn({ err, decision: decision.id }, 'store: a stored decision cannot be applied');
      }
    }
    for (const id of fromStore) {
      if (seen.has(id)) continue;
      table.remove(id);
      fromStore.delete(id);
    }
  };
  apply(await store.list(Date.now()));

  let queue: Decision[] = [];
  let writing = Promise.resolve();
  const flush = () => {
    const batch = queue;
    queue = [];
    writing = writing.then(async () => {
      for (const decision of batch) {
        try {
          await store.add(decision);
          fromStore.add(decision.id);
        } catch (err) {
          log.error(
            { err, decision: decision.id },
            'store: a decision cannot be written; it holds in memory only',
          );
        }
      }
    });
  };
  const unsubscribe = bus.subscribe('decision.made', (decision) => {
    if (queue.length === 0) setImmediate(flush);
    queue.push(decision);
  });
  let syncing = false;
  // A change heard while a sync runs is read by one more sync after it.
  let again = false;
  const sync = () => {
    if (syncing) {
      again = true;
      return;
    }
    syncing = true;
    writing
      .then(() => store.list(Date.now()))
      .then(apply, (err: unknown) =>
        log.warn({ err }, 'store: decisions cannot be read; keeping those in memory'),
      )
      .finally(() => {
        syncing = false;
        if (again) {
          again = false;
          sync();
        }
      });
  };
  const timer = setInterval(sync, SYNC_MS);
  timer.unref();
  const unwatch = watch === undefined ? async () => {} : await watch(sync);
  return {
    async add(decision) {
      table.add(decision);
      await writing;
      await store.add(decision);
      fromStore.add(decision.id);
    },
    async remove(id) {
      const inTable = table.remove(id);
      fromStore.delete(id);
      await writing;
      return (await store.remove(id)) || inTable;
    },
    async close() {
      clearInterval(timer);
      await unwatch();
      unsubscribe();
      flush();
      await writing;
    },
  };
}
