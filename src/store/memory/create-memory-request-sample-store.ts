import type { RequestSample } from '../../core/index.js';
import { checkTrimMax, sampleLimit, sampleMentionsAddress } from '../request-sample-rules.js';
import type { RequestSampleStore } from '../request-sample-store.js';

// What is filtered on, copied out of the sample, and the sample as JSON: what is handed out is parsed from it,
// a copy.
interface Row {
  /** Add order, which breaks ties between samples of the same millisecond. */
  readonly seq: number;
  readonly id: string;
  readonly time: number;
  readonly site: string;
  readonly ip: string;
  readonly text: string;
}

/** The first index at or after (time, seq) in rows sorted by time, then seq. */
function lowerBound(rows: readonly Row[], time: number, seq: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const row = rows[mid]!;
    if (row.time < time || (row.time === time && row.seq < seq)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const parse = (row: Row) => JSON.parse(row.text) as RequestSample;

/**
 * The in-memory request sample, bounded: past `max` samples the oldest go. Samples are kept sorted by time,
 * so that lists, trims and prunes are binary searches.
 * @example const store = createMemoryRequestSampleStore({ max: 10_000 });
 */
export function createMemoryRequestSampleStore(options: { readonly max: number }): RequestSampleStore {
  if (!Number.isInteger(options.max) || options.max < 1)
    throw new TypeError('store.memory: max must be a positive integer');
  let rows: Row[] = [];
  const ids = new Set<string>();
  let seq = 0;
  const removeOldest = (count: number) => {
    for (const row of rows.splice(0, count)) ids.delete(row.id);
    return count;
  };
  return {
    async add(samples) {
      for (const sample of samples) {
        if (ids.has(sample.id)) continue;
        const { id, time, site, ip } = sample;
        const row = { seq: ++seq, id, time, site, ip, text: JSON.stringify(sample) };
        // Samples come nearly in time order, so this is almost always a push at the end.
        rows.splice(lowerBound(rows, row.time, row.seq), 0, row);
        ids.add(sample.id);
      }
      if (rows.length > options.max) removeOldest(rows.length - options.max);
    },
    async list(query = {}) {
      const limit = sampleLimit(query.limit);
      const lo = query.since === undefined ? 0 : lowerBound(rows, query.since, Number.NEGATIVE_INFINITY);
      const out: RequestSample[] = [];
      for (let i = rows.length - 1; i >= lo && out.length < limit; i--) {
        const row = rows[i]!;
        if (query.site !== undefined && row.site !== query.site) continue;
        if (query.client !== undefined && row.ip !== query.client) continue;
        out.push(parse(row));
      }
      return out;
    },
    async count() {
      return rows.length;
    },
    async trim(max) {
      return removeOldest(Math.max(0, rows.length - checkTrimMax('store.memory', max)));
    },
    async prune(before) {
      return removeOldest(lowerBound(rows, before, Number.NEGATIVE_INFINITY));
    },
    async eraseClient(ip) {
      const kept: Row[] = [];
      for (const row of rows) {
        if (sampleMentionsAddress(parse(row), ip)) ids.delete(row.id);
        else kept.push(row);
      }
      const removed = rows.length - kept.length;
      rows = kept;
      return removed;
    },
    async close() {},
  };
}
