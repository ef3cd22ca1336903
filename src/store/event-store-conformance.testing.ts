import { describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../core/index.js';
import { eventStatsConformance } from './event-stats-conformance.testing.js';
import type { EventPage, EventQuery, EventStore } from './event-store.js';
import { securityEvent } from './security-event-fixture.testing.js';

const A = '198.51.100.1';
const B = '198.51.100.2';

const ids = (events: readonly SecurityEvent[]) => events.map((e) => e.id);

/** Follows `next` to the end; returns every page's ids. */
async function pages(store: EventStore, query: EventQuery, limit: number): Promise<string[][]> {
  const out: string[][] = [];
  let page: EventPage = await store.query({ ...query, limit });
  out.push(ids(page.events));
  while (page.next !== null) {
    page = await store.query({ ...query, limit, cursor: page.next });
    out.push(ids(page.events));
  }
  return out;
}

// Thirty events over ten milliseconds, three per millisecond, appended out of time order.
const SHUFFLED = Array.from({ length: 30 }, (_, k) => (k * 7) % 30).map((i) =>
  securityEvent({ id: `p${i}`, time: 1000 + Math.floor(i / 3), site: i % 2 === 0 ? 'even' : 'odd' }),
);
const NEWEST_FIRST = SHUFFLED.map((event, order) => ({ event, order }))
  .sort((a, b) => b.event.time - a.event.time || b.order - a.order)
  .map((x) => x.event.id);

/** The behaviour every EventStore adapter must show; `make` gives a fresh, empty store. */
export function eventStoreConformance(name: string, make: () => Promise<EventStore>): void {
  describe(`${name}: event store`, () => {
    it('keeps every field of an event, the optional ones too, and finds it by id', async () => {
      const store = await make();
      const plain = securityEvent({ id: 'e1', time: 1000, analyzers: ['sqli', 'xss'] });
      const full: SecurityEvent = {
        ...securityEvent({ id: 'e2', time: 1001, action: 'labyrinth' }),
        response: { status: 403, bytes: 0, upstreamMs: null, origin: 'gateway', error: 'client-aborted' },
        timings: { totalMs: 12.625, inspectMs: 0.125 },
        inspectLimits: ['body-bytes', 'depth'],
        labyrinthSession: '0000000a',
      };
      await store.append([plain, full]);
      expect(await store.get('e1')).toStrictEqual(plain);
      expect(await store.get('e2')).toStrictEqual(full);
      expect(await store.get('e3')).toBeUndefined();
      expect((await store.query({})).events).toStrictEqual([full, plain]);
      await store.close();
    });

    it('skips an event whose id is already stored, keeping the first', async () => {
      const store = await make();
      await store.append([securityEvent({ id: 'x', time: 1, action: 'allow' })]);
      await store.append([
        securityEvent({ id: 'x', time: 2, action: 'block' }),
        securityEvent({ id: 'y', time: 3 }),
        securityEvent({ id: 'y', time: 4, action: 'block' }),
      ]);
      expect(await store.count()).toBe(2);
      expect((await store.get('x'))?.verdict.action).toBe('allow');
      expect((await store.get('y'))?.time).toBe(3);
      await store.close();
    });

    it('lists newest first, events of one millisecond last appended first', async () => {
      const store = await make();
      await store.append([securityEvent({ id: 'x', time: 2 }), securityEvent({ id: 'y', time: 1 })]);
      await store.append([securityEvent({ id: 'z', time: 2 }), securityEvent({ id: 'w', time: 3 })]);
      expect(ids((await store.query({})).events)).toEqual(['w', 'z', 'x', 'y']);
      await store.close();
    });

    it('filters by time, `from` included and `to` excluded', async () => {
      const store = await make();
      await store.append([1, 2, 3, 4, 5].map((t) => securityEvent({ id: `t${t}`, time: t })));
      expect(ids((await store.query({ from: 2, to: 4 })).events)).toEqual(['t3', 't2']);
      expect(ids((await store.query({ from: 4 })).events)).toEqual(['t5', 't4']);
      expect(ids((await store.query({ to: 2 })).events)).toEqual(['t1']);
      expect(await store.count({ from: 2, to: 4 })).toBe(2);
      expect(await store.count({ from: 3, to: 3 })).toBe(0);
      await store.close();
    });

    it('filters by site, client, action and category, alone and together', async () => {
      const store = await make();
      await store.append([
        securityEvent({ id: 'a', time: 1, site: 'shop', ip: A, action: 'block', analyzers: ['sqli'] }),
        securityEvent({ id: 'b', time: 2, site: 'blog', ip: A, action: 'allow' }),
        securityEvent({ id: 'c', time: 3, site: 'shop', ip: B, action: 'block', analyzers: ['xss'] }),
        securityEvent({
          id: 'd',
          time: 4,
          site: 'shop',
          ip: A,
          action: 'challenge',
          analyzers: ['sqli', 'xss'],
        }),
      ]);
      const cases: [EventQuery, string[]][] = [
        [{ site: 'shop' }, ['d', 'c', 'a']],
        [{ client: A }, ['d', 'b', 'a']],
        [{ action: 'block' }, ['c', 'a']],
        [{ category: 'xss' }, ['d', 'c']],
        [{ site: 'shop', client: A, category: 'sqli' }, ['d', 'a']],
        [{ site: 'shop', client: A, category: 'sqli', action: 'block', from: 1, to: 2 }, ['a']],
        [{ site: 'nowhere' }, []],
      ];
      for (const [query, expected] of cases) {
        expect(ids((await store.query(query)).events), JSON.stringify(query)).toEqual(expected);
        expect(await store.count(query), JSON.stringify(query)).toBe(expected.length);
      }
      await store.close();
    });

    it('matches a category whole, never as part of another analyzer name', async () => {
      const store = await make();
      await store.append([
        securityEvent({ id: 'sqli', time: 1, analyzers: ['sqli'] }),
        securityEvent({ id: 'nosqli', time: 2, analyzers: ['nosqli'] }),
        securityEvent({ id: 'sql', time: 3, analyzers: ['sql'] }),
        securityEvent({ id: 'both', time: 4, analyzers: ['xss', 'sqli'] }),
        securityEvent({ id: 'none', time: 5 }),
      ]);
      expect(ids((await store.query({ category: 'sqli' })).events)).toEqual(['both', 'sqli']);
      expect(ids((await store.query({ category: 'sql' })).events)).toEqual(['sql']);
      expect(ids((await store.query({ category: 'qli' })).events)).toEqual([]);
      expect(await store.count({ category: 'xss' })).toBe(1);
      await store.close();
    });

    it('matches the path as a case-sensitive prefix, taking wildcards literally', async () => {
      const store = await make();
      const paths = ['/admin', '/admin/users', '/administrator', '/Admin', '/x/admin', '/adm%n', '/adm_n'];
      await store.append(paths.map((path, i) => securityEvent({ id: path, time: i, path })));
      const found = async (path: string) => ids((await store.query({ path })).events).sort();
      expect(await found('/admin')).toEqual(['/admin', '/admin/users', '/administrator']);
      expect(await found('/admin/')).toEqual(['/admin/users']);
      expect(await found('/adm%')).toEqual(['/adm%n']);
      expect(await found('/adm_')).toEqual(['/adm_n']);
      expect(await found('')).toHaveLength(paths.length);
      expect(await store.count({ path: '/A' })).toBe(1);
      await store.close();
    });

    it('pages through every event once, newest first, then says there is no more', async () => {
      const store = await make();
      for (let i = 0; i < SHUFFLED.length; i += 10) await store.append(SHUFFLED.slice(i, i + 10));
      const seven = await pages(store, {}, 7);
      expect(seven.map((p) => p.length)).toEqual([7, 7, 7, 7, 2]);
      expect(seven.flat()).toEqual(NEWEST_FIRST);
      // A last page that is exactly full still ends the listing: no empty page after it.
      expect((await pages(store, {}, 10)).map((p) => p.length)).toEqual([10, 10, 10]);
      expect((await pages(store, {}, 30)).map((p) => p.length)).toEqual([30]);
      await store.close();
    });

    it('pages a filtered query with the same cursor rules', async () => {
      const store = await make();
      await store.append(SHUFFLED);
      // Even ids from the second millisecond on: p4, p6 ... p28.
      const expected = NEWEST_FIRST.filter((id) => Number(id.slice(1)) % 2 === 0 && Number(id.slice(1)) >= 3);
      const four = await pages(store, { site: 'even', from: 1001 }, 4);
      expect(four.flat()).toEqual(expected);
      expect(four.map((p) => p.length)).toEqual([4, 4, 4, 1]);
      await store.close();
    });

    it('keeps its place while newer events arrive between pages', async () => {
      const store = await make();
      await store.append(SHUFFLED);
      const first = await store.query({ limit: 12 });
      await store.append([
        securityEvent({ id: 'new1', time: 5000 }),
        securityEvent({ id: 'new2', time: 1009 }),
      ]);
      let rest: string[] = [];
      for (let page = first; page.next !== null; ) {
        page = await store.query({ limit: 12, cursor: page.next });
        rest = rest.concat(ids(page.events));
      }
      expect([...ids(first.events), ...rest]).toEqual(NEWEST_FIRST);
      await store.close();
    });

    it('returns 100 events unless asked, and never more than 1000', async () => {
      const store = await make();
      await store.append(Array.from({ length: 1005 }, (_, i) => securityEvent({ id: `n${i}`, time: i })));
      const first = await store.query({});
      expect(first.events).toHaveLength(100);
      expect(first.events[0]?.id).toBe('n1004');
      const capped = await store.query({ limit: 5000 });
      expect(capped.events).toHaveLength(1000);
      expect(capped.next).not.toBeNull();
      const rest = await store.query({ limit: 5000, cursor: capped.next! });
      expect(ids(rest.events)).toEqual(['n4', 'n3', 'n2', 'n1', 'n0']);
      expect(rest.next).toBeNull();
      expect((await store.query({ limit: 0 })).events).toHaveLength(1);
      expect(await store.count()).toBe(1005);
      await store.close();
    });

    it('refuses a malformed cursor rather than starting over', async () => {
      const store = await make();
      await store.append([securityEvent({ id: 'a', time: 1 })]);
      for (const cursor of ['', 'not a cursor', Buffer.from('[1]').toString('base64url')])
        await expect(store.query({ cursor })).rejects.toThrow(/cursor/);
      await store.close();
    });

    it('prunes events older than a time, and says how many', async () => {
      const store = await make();
      await store.append([4, 1, 3, 2].map((t) => securityEvent({ id: `t${t}`, time: t })));
      expect(await store.prune(3)).toBe(2);
      expect(await store.prune(3)).toBe(0);
      expect(ids((await store.query({})).events)).toEqual(['t4', 't3']);
      expect(await store.get('t1')).toBeUndefined();
      expect(await store.count()).toBe(2);
      await store.close();
    });

    it('erases the events of a client and those that mention it whole anywhere, and says how many', async () => {
      const store = await make();
      const ip = '203.0.113.4';
      const withEvidence = (id: string, time: number, evidence: string): SecurityEvent => {
        const event = securityEvent({ id, time, analyzers: ['sqli'] });
        return {
          ...event,
          verdict: { ...event.verdict, findings: [{ ...event.verdict.findings[0]!, evidence }] },
        };
      };
      await store.append([
        securityEvent({ id: 'from', time: 1, ip }),
        securityEvent({ id: 'from-too', time: 2, ip, site: 'blog' }),
        withEvidence('evidence', 3, `x-forwarded-for: ${ip}:4711`),
        securityEvent({ id: 'path', time: 4, path: `/unban/${ip}` }),
        withEvidence('escaped', 5, `line\n${ip}`),
        withEvidence('longer', 6, '203.0.113.45, 1203.0.113.4, 203.0.113.4.5, 203.0.113.40'),
        securityEvent({ id: 'other', time: 7, ip: '203.0.113.5' }),
      ]);
      expect(await store.eraseClient(ip)).toBe(5);
      expect(ids((await store.query({})).events)).toEqual(['other', 'longer']);
      expect(await store.count({ client: ip })).toBe(0);
      expect(await store.get('from')).toBeUndefined();
      expect(await store.eraseClient(ip)).toBe(0);
      expect(await store.eraseClient('')).toBe(0);
      const stats = await store.stats({ bucketMs: 60_000 });
      expect(stats.total).toBe(2);
      expect(stats.topClients.map((c) => c.ip)).not.toContain(ip);
      await store.close();
    });

    it('erases an IPv6 client whatever the case it is written in', async () => {
      const store = await make();
      const event = securityEvent({ id: 'header', time: 2, analyzers: ['xss'] });
      const finding = { ...event.verdict.findings[0]!, evidence: 'for="[2001:DB8::7]:4711"' };
      await store.append([
        securityEvent({ id: 'from', time: 1, ip: '2001:db8::7' }),
        { ...event, verdict: { ...event.verdict, findings: [finding] } },
        securityEvent({ id: 'longer', time: 3, ip: '2001:db8::7:1' }),
      ]);
      expect(await store.eraseClient('2001:db8::7')).toBe(2);
      expect(ids((await store.query({})).events)).toEqual(['longer']);
      await store.close();
    });

    eventStatsConformance(make);
  });
}
