import type { SqliteDatabase } from './open-sqlite.js';

// The `event_rollups` table counts events per minute and site, one row per (kind, key): how many events
// (`events`) and how many of them had a finding (`attacks`). The kinds:
// - `action`: per verdict action; summed over the actions, the rows also give requests and attacks;
// - `category`: per analyzer that found something, once per event (the pieces of the categories column);
// - `client`: per client address;
// - `path`: per request path;
// - `latency`: per bucket of the gateway's time, keyed by the bucket's upper bound.
// Every row counts at least one event: a row that falls to zero is deleted.

/** Rollups are kept per minute, so a range of whole minutes reads whole rows. */
export const MINUTE = 60_000;

/** What one rollup row counts per key. */
export type RollupKind = 'action' | 'category' | 'client' | 'path' | 'latency';

/** Every kind, for work that goes through each (pruning). */
export const ROLLUP_KINDS: readonly RollupKind[] = ['action', 'category', 'client', 'path', 'latency'];

/** The epoch millisecond at which the minute of `time` starts. */
export const minuteOf = (time: number): number => Math.floor(time / MINUTE) * MINUTE;

// Upper bounds (milliseconds, inclusive) of the latency buckets, log-spaced; `+inf` takes anything slower.
// The keys are stored, so the bounds are part of the file format: changing them takes a migration that
// rebuilds the latency rows (the one that created the table spells them out too).
const LATENCY_BOUNDS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000];
const SLOWEST = '+inf';

/** The latency histogram's keys, fastest bucket first. */
export const LATENCY_KEYS: readonly string[] = [...LATENCY_BOUNDS.map(String), SLOWEST];

/** The histogram key of a gateway time: the upper bound of its bucket, as text. */
export function latencyKey(ms: number): string {
  for (const bound of LATENCY_BOUNDS) if (ms <= bound) return String(bound);
  return SLOWEST;
}

/** What a latency bucket reads as in a percentile: its upper bound; the slowest reads as the last bound. */
export const latencyKeyValue = (key: string): number =>
  key === SLOWEST ? LATENCY_BOUNDS[LATENCY_BOUNDS.length - 1]! : Number(key);

/** The columns of a stored event that the rollups count, named as in the `events` table. */
export interface RolledUpEvent {
  readonly time: number;
  readonly site: string;
  readonly client: string;
  readonly action: string;
  /** `,sqli,xss,`, or empty when nothing was found. */
  readonly categories: string;
  readonly path: string;
  readonly total_ms: number;
}

type Sums = Map<string, { events: number; attacks: number }>;

/** The sums of one minute of one site, per kind and key. */
interface Group {
  readonly minute: number;
  readonly site: string;
  readonly sums: Readonly<Record<RollupKind, Sums>>;
}

const add = (sums: Sums, key: string, events: number, attacks: number) => {
  const sum = sums.get(key);
  if (sum === undefined) sums.set(key, { events, attacks });
  else {
    sum.events += events;
    sum.attacks += attacks;
  }
};

// Sums the events per rollup row, grouped by minute and site first: a batch holds few of those.
function sumGroups(events: readonly RolledUpEvent[], sign: 1 | -1): Group[] {
  const groups: Group[] = [];
  const byMinute = new Map<number, Map<string, Group>>();
  for (const event of events) {
    const minute = minuteOf(event.time);
    let bySite = byMinute.get(minute);
    if (bySite === undefined) {
      bySite = new Map();
      byMinute.set(minute, bySite);
    }
    let group = bySite.get(event.site);
    if (group === undefined) {
      const sums: Record<RollupKind, Sums> = {
        action: new Map(),
        category: new Map(),
        client: new Map(),
        path: new Map(),
        latency: new Map(),
      };
      group = { minute, site: event.site, sums };
      bySite.set(event.site, group);
      groups.push(group);
    }
    const attack = event.categories === '' ? 0 : sign;
    add(group.sums.action, event.action, sign, attack);
    add(group.sums.client, event.client, sign, attack);
    add(group.sums.path, event.path, sign, attack);
    add(group.sums.latency, latencyKey(event.total_ms), sign, attack);
    // Split like the exact stats split the column, so that both count the same categories.
    if (attack !== 0)
      for (const category of event.categories.slice(1, -1).split(','))
        add(group.sums.category, category, sign, sign);
  }
  return groups;
}

/**
 * Adds events to the rollups (`sign` 1), or takes them out (`sign` -1), writing each touched row once. Call it
 * inside the transaction that writes or deletes the events, with the events it actually wrote or deleted.
 * @example const rollUp = createRollupWriter(db); rollUp(inserted, 1);
 */
export function createRollupWriter(
  db: SqliteDatabase,
): (events: readonly RolledUpEvent[], sign: 1 | -1) => void {
  const upsert = db.prepare(
    `INSERT INTO event_rollups (kind, minute, site, key, events, attacks) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET events = events + excluded.events, attacks = attacks + excluded.attacks`,
  );
  const dropEmpty = db.prepare(
    'DELETE FROM event_rollups WHERE kind = ? AND minute = ? AND site = ? AND key = ? AND events = 0',
  );
  return (events, sign) => {
    for (const { minute, site, sums } of sumGroups(events, sign))
      for (const kind of ROLLUP_KINDS)
        for (const [key, sum] of sums[kind]) {
          upsert.run(kind, minute, site, key, sum.events, sum.attacks);
          if (sign < 0) dropEmpty.run(kind, minute, site, key);
        }
  };
}
