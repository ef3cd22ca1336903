import { describe, expect, it } from 'vitest';
import type { RequestSample } from '../core/index.js';
import type { RequestSampleQuery, RequestSampleStore } from './request-sample-store.js';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** A complete sample for store tests. */
export function requestSample(id: string, time: number, over: Partial<RequestSample> = {}): RequestSample {
  return {
    id,
    time,
    site: 'shop',
    ip: '192.0.2.1',
    method: 'GET',
    target: '/search?q=shoes',
    host: 'shop.example',
    headers: [
      ['user-agent', 'curl/8.5'],
      ['accept', '*/*'],
    ],
    httpVersion: '1.1',
    protocol: 'https',
    body: null,
    action: 'allow',
    ...over,
  };
}

const ids = (samples: readonly RequestSample[]) => samples.map((s) => s.id);

/** The behaviour every RequestSampleStore adapter must show; `make` gives a fresh, empty store. */
export function requestSampleStoreConformance(name: string, make: () => Promise<RequestSampleStore>): void {
  describe(`${name}: request sample store`, () => {
    it('keeps every field of a sample, and gives copies', async () => {
      const store = await make();
      const full = requestSample('s1', 1000, {
        site: 'blog',
        ip: '2001:db8::7',
        method: 'POST',
        target: '/login?next=%2F&token=[redacted]',
        host: 'blog.example:8443',
        headers: [
          ['content-type', 'application/json'],
          ['cookie', '[redacted]'],
          ['x-dup', 'a'],
          ['x-dup', 'é ✓'],
        ],
        httpVersion: '2',
        protocol: 'http',
        body: base64('{"user":"alice","password":"[redacted]"}'),
        action: 'challenge',
      });
      const plain = requestSample('s2', 1001);
      const added = [full, plain];
      await store.add(added);
      added.pop();
      expect(await store.list()).toStrictEqual([plain, full]);
      const listed = await store.list();
      (listed[0]!.headers as [string, string][]).push(['x-late', 'changed']);
      expect(await store.list()).toStrictEqual([plain, full]);
      expect(await store.count()).toBe(2);
      await store.close();
    });

    it('skips a sample whose id is already stored, keeping the first', async () => {
      const store = await make();
      await store.add([requestSample('x', 1, { action: 'allow' })]);
      await store.add([
        requestSample('x', 2, { action: 'block' }),
        requestSample('y', 3),
        requestSample('y', 4, { action: 'block' }),
      ]);
      await store.add([]);
      expect(await store.count()).toBe(2);
      expect((await store.list()).map((s) => [s.id, s.time, s.action])).toEqual([
        ['y', 3, 'allow'],
        ['x', 1, 'allow'],
      ]);
      await store.close();
    });

    it('lists the newest first, of one millisecond the last added first, filtered by site, client and time', async () => {
      const store = await make();
      await store.add([
        requestSample('a', 100, { site: 'shop', ip: '198.51.100.1' }),
        requestSample('b', 300, { site: 'blog', ip: '198.51.100.1' }),
      ]);
      await store.add([
        requestSample('c', 200, { site: 'shop', ip: '198.51.100.2' }),
        requestSample('d', 300, { site: 'shop', ip: '198.51.100.2' }),
      ]);
      const listed = async (query?: RequestSampleQuery) => ids(await store.list(query));
      expect(await listed()).toEqual(['d', 'b', 'c', 'a']);
      expect(await listed({ site: 'shop' })).toEqual(['d', 'c', 'a']);
      expect(await listed({ client: '198.51.100.1' })).toEqual(['b', 'a']);
      expect(await listed({ since: 200 })).toEqual(['d', 'b', 'c']);
      expect(await listed({ site: 'shop', client: '198.51.100.2', since: 250 })).toEqual(['d']);
      expect(await listed({ limit: 2 })).toEqual(['d', 'b']);
      expect(await listed({ limit: 0 })).toEqual([]);
      expect(await listed({ client: '198.51.100.' })).toEqual([]);
      await store.close();
    });

    it('lists 1000 unless asked', async () => {
      const store = await make();
      await store.add(Array.from({ length: 1005 }, (_, i) => requestSample(`n${i}`, i)));
      const listed = await store.list();
      expect(listed).toHaveLength(1000);
      expect(listed[0]?.id).toBe('n1004');
      expect(await store.list({ limit: 5000 })).toHaveLength(1005);
      expect(await store.count()).toBe(1005);
      await store.close();
    });

    it('trims to the newest samples, and says how many went', async () => {
      const store = await make();
      await store.add([4, 1, 3, 2, 5].map((t) => requestSample(`t${t}`, t)));
      expect(await store.trim(10)).toBe(0);
      expect(await store.trim(3)).toBe(2);
      expect(ids(await store.list())).toEqual(['t5', 't4', 't3']);
      expect(await store.trim(3)).toBe(0);
      expect(await store.trim(0)).toBe(3);
      expect(await store.count()).toBe(0);
      await expect(store.trim(-1)).rejects.toThrow(RangeError);
      await expect(store.trim(Number.NaN)).rejects.toThrow(RangeError);
      await store.close();
    });

    it('prunes samples taken before a time, and says how many', async () => {
      const store = await make();
      await store.add([4, 1, 3, 2].map((t) => requestSample(`t${t}`, t)));
      expect(await store.prune(3)).toBe(2);
      expect(await store.prune(3)).toBe(0);
      expect(ids(await store.list())).toEqual(['t4', 't3']);
      await store.close();
    });

    it('erases the samples of a client and those that mention it whole, anywhere, the body decoded', async () => {
      const store = await make();
      const ip = '203.0.113.4';
      await store.add([
        requestSample('from', 1, { ip }),
        requestSample('header', 2, { headers: [['x-forwarded-for', `10.0.0.1, ${ip}`]] }),
        requestSample('target', 3, { target: `/admin/unban?ip=${ip}` }),
        requestSample('host', 4, { host: `${ip}:8080` }),
        requestSample('body', 5, { body: base64(`{"note":"seen ${ip}."}`) }),
        requestSample('escaped', 6, { headers: [['x-note', `line\n${ip}`]] }),
        requestSample('longer', 7, {
          target: '/x?a=203.0.113.45&b=1203.0.113.4',
          headers: [['x-real-ip', '203.0.113.40']],
          body: base64('203.0.113.4.5 and 203.0.113.41'),
        }),
        requestSample('other', 8, { ip: '203.0.113.5', body: base64('nothing to see') }),
      ]);
      expect(await store.eraseClient(ip)).toBe(6);
      expect(ids(await store.list())).toEqual(['other', 'longer']);
      expect(await store.eraseClient(ip)).toBe(0);
      expect(await store.eraseClient('')).toBe(0);
      expect(await store.count()).toBe(2);
      await store.close();
    });

    it('erases an IPv6 client whatever the case it is written in', async () => {
      const store = await make();
      await store.add([
        requestSample('from', 1, { ip: '2001:db8::7' }),
        requestSample('upper', 2, { headers: [['forwarded', 'for="[2001:DB8::7]:4711"']] }),
        requestSample('longer', 3, { headers: [['forwarded', 'for="[2001:db8::7:1]"']] }),
        requestSample('body', 4, { body: base64('client=2001:Db8::7&x=1') }),
      ]);
      expect(await store.eraseClient('2001:db8::7')).toBe(3);
      expect(ids(await store.list())).toEqual(['longer']);
      await store.close();
    });
  });
}
