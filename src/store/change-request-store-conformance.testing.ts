import { describe, expect, it } from 'vitest';
import { type ChangeRequest, type ChangeStatus, isInfinisecError } from '../core/index.js';
import type { ChangeRequestQuery, ChangeRequestStore } from './change-request-store.js';

/** A pending change request for store tests. */
export function changeRequest(id: string, created: number, over: Partial<ChangeRequest> = {}): ChangeRequest {
  return {
    id,
    kind: 'exclusion',
    status: 'pending',
    impact: 'high',
    summary: `change ${id}`,
    reasons: ['it stops detection of sqli on /search'],
    requester: 'user:alice',
    comment: '',
    created,
    expires: created + 86_400_000,
    approvalsNeeded: 1,
    approvals: [],
    rejection: null,
    preview: null,
    diff: '',
    payload: 'v1.k1.sealed-payload',
    result: null,
    decided: null,
    ...over,
  };
}

/** The request as decided: `status` since `decided`. */
const decided = (request: ChangeRequest, status: ChangeStatus, at: number): ChangeRequest => ({
  ...request,
  status,
  decided: at,
});

const ids = (requests: readonly ChangeRequest[]) => requests.map((r) => r.id);

/** The behaviour every ChangeRequestStore adapter must show; `make` gives a fresh, empty store. */
export function changeRequestStoreConformance(name: string, make: () => Promise<ChangeRequestStore>): void {
  describe(`${name}: change request store`, () => {
    it('keeps every field of a request, and gives copies', async () => {
      const store = await make();
      const full = changeRequest('c1', 1000, {
        kind: 'config',
        status: 'applied',
        impact: 'low',
        summary: 'raise the rate limit of /login',
        reasons: ['one', 'two é ✓'],
        requester: 'apikey:k1',
        comment: 'as agreed',
        approvalsNeeded: 2,
        approvals: [
          { actor: 'user:bob', time: 1100, comment: 'ok' },
          { actor: 'user:carol', time: 1200, comment: '' },
        ],
        rejection: { actor: 'user:dave', time: 1150, comment: 'changed my mind later' },
        preview: {
          samples: 2000,
          from: 10,
          to: 990,
          changed: 3,
          stricter: 2,
          looser: 1,
          shifts: [
            { from: 'allow', to: 'block', count: 2 },
            { from: 'challenge', to: 'allow', count: 1 },
          ],
          examples: [
            {
              sample: 'e9',
              time: 900,
              site: 'shop',
              method: 'POST',
              target: '/login',
              from: 'allow',
              to: 'block',
              reason: 'ratelimit/login',
            },
          ],
        },
        diff: '--- a\n+++ b\n@@ -1 +1 @@\n-x: 1\n+x: 2\n',
        payload: 'v1.k1.abc',
        result: { version: 7, decision: 'd1', error: 'partly' },
        decided: 1200,
      });
      await store.create(full);
      expect(await store.get('c1')).toStrictEqual(full);
      expect(await store.get('c2')).toBeUndefined();
      const read = (await store.get('c1'))!;
      (read.reasons as string[]).push('changed');
      (read.approvals as unknown[]).length = 0;
      expect(await store.get('c1')).toStrictEqual(full);
      expect(await store.list()).toStrictEqual([full]);
      await store.close();
    });

    it('refuses an id that is taken, keeping the first request', async () => {
      const store = await make();
      const first = changeRequest('c1', 1);
      await store.create(first);
      const err = await store.create(changeRequest('c1', 2, { summary: 'other' })).catch((e: unknown) => e);
      expect(isInfinisecError(err, 'INFINISEC_ERR_STORE'), String(err)).toBe(true);
      expect(String(err)).toMatch(/c1/);
      expect(await store.get('c1')).toStrictEqual(first);
      expect(await store.list()).toHaveLength(1);
      await store.close();
    });

    it('lists the newest first, of one millisecond the last created first, filtered by status', async () => {
      const store = await make();
      await store.create(changeRequest('a', 100));
      await store.create(decided(changeRequest('b', 300), 'applied', 310));
      await store.create(changeRequest('c', 200));
      await store.create(decided(changeRequest('d', 300), 'rejected', 320));
      const listed = async (query?: ChangeRequestQuery) => ids(await store.list(query));
      expect(await listed()).toEqual(['d', 'b', 'c', 'a']);
      expect(await listed({ status: 'pending' })).toEqual(['c', 'a']);
      expect(await listed({ status: 'applied' })).toEqual(['b']);
      expect(await listed({ status: 'failed' })).toEqual([]);
      expect(await listed({ limit: 3 })).toEqual(['d', 'b', 'c']);
      expect(await listed({ status: 'pending', limit: 1 })).toEqual(['c']);
      expect(await listed({ limit: 0 })).toEqual([]);
      await store.close();
    });

    it('lists 100 unless asked, and never more than 1000', async () => {
      const store = await make();
      for (let i = 0; i < 1005; i++) await store.create(changeRequest(`r${i}`, i));
      const listed = await store.list();
      expect(listed).toHaveLength(100);
      expect(listed[0]?.id).toBe('r1004');
      expect(await store.list({ limit: 5000 })).toHaveLength(1000);
      await store.close();
    });

    it('updates a request only while its stored status is the expected one', async () => {
      const store = await make();
      const pending = changeRequest('c1', 100);
      await store.create(pending);
      const approved = decided(
        {
          ...pending,
          approvals: [{ actor: 'user:bob', time: 150, comment: 'fine' }],
          result: { version: 3 },
        },
        'applied',
        150,
      );
      expect(await store.update(approved, 'applied')).toBe(false);
      expect(await store.get('c1')).toStrictEqual(pending);
      expect(await store.update(approved, 'pending')).toBe(true);
      expect(await store.get('c1')).toStrictEqual(approved);
      expect(await store.update(decided(pending, 'rejected', 160), 'pending')).toBe(false);
      expect(await store.get('c1')).toStrictEqual(approved);
      expect(await store.update(changeRequest('nowhere', 1), 'pending')).toBe(false);
      expect(await store.get('nowhere')).toBeUndefined();
      expect(await store.list({ status: 'applied' })).toStrictEqual([approved]);
      await store.close();
    });

    it('lets one of two concurrent updates from the same status win', async () => {
      const store = await make();
      const pending = changeRequest('c1', 100);
      await store.create(pending);
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          store.update(
            decided({ ...pending, comment: `by ${i}` }, i % 2 ? 'applied' : 'rejected', 200 + i),
            'pending',
          ),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = results.indexOf(true);
      expect((await store.get('c1'))?.comment).toBe(`by ${winner}`);
      await store.close();
    });

    it('prunes requests decided before a time, never a pending one, and says how many', async () => {
      const store = await make();
      await store.create(changeRequest('old-pending', 1));
      await store.create(decided(changeRequest('applied', 1), 'applied', 100));
      await store.create(decided(changeRequest('rejected', 1), 'rejected', 199));
      await store.create(decided(changeRequest('expired', 1), 'expired', 200));
      await store.create(decided(changeRequest('failed', 150), 'failed', 300));
      expect(await store.prune(200)).toBe(2);
      expect(await store.prune(200)).toBe(0);
      expect(ids(await store.list()).sort()).toEqual(['expired', 'failed', 'old-pending']);
      expect(await store.prune(Number.MAX_SAFE_INTEGER)).toBe(2);
      expect(ids(await store.list())).toEqual(['old-pending']);
      await store.close();
    });
  });
}
