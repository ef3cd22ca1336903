import { afterEach, describe, expect, it } from 'vitest';
import { blastRadiusMatcher, blastRadiusSchema } from './blast-radius.js';
import { fetchOutcome, proxyWith } from './chaos-upstream.testing.js';
import { errorFault } from './faults/error.js';

describe('blastRadiusMatcher', () => {
  it('touches only requests of the sites and routes named', () => {
    const inScope = blastRadiusMatcher(
      blastRadiusSchema.parse({ sites: ['shop.example'], routes: ['/api/*'] }),
      1,
    );
    expect(inScope('shop.example', '/api/products')).toBe(true);
    expect(inScope('shop.example', '/about')).toBe(false);
    expect(inScope('blog.example', '/api/products')).toBe(false);
  });

  it('draws the percentage only among requests in scope', () => {
    const radius = blastRadiusSchema.parse({ routes: ['/api/*'], percent: 50 });
    const alone = blastRadiusMatcher(radius, 5);
    const mixed = blastRadiusMatcher(radius, 5);
    const hitsAlone = Array.from({ length: 50 }, () => alone('h', '/api/x'));
    const hitsMixed = Array.from({ length: 50 }, () => {
      expect(mixed('h', '/other')).toBe(false);
      return mixed('h', '/api/x');
    });
    expect(hitsMixed).toEqual(hitsAlone);
  });
});

describe('blast radius through the fault proxy', () => {
  let close = async () => {};
  afterEach(() => close());

  it('leaves a request outside the route untouched', async () => {
    const setup = await proxyWith(errorFault, {}, { routes: ['/api/*'] });
    close = setup.close;
    expect((await fetchOutcome(`${setup.proxy.url}/api/products`)).status).toBe(503);
    const outside = await fetchOutcome(`${setup.proxy.url}/about`);
    expect(outside).toMatchObject({ status: 200, body: `ok 127.0.0.1:${setup.proxy.address.port} /about` });
    expect(setup.upstream.seen).toEqual([`127.0.0.1:${setup.proxy.address.port} /about`]);
    expect(setup.proxy.counts()).toMatchObject({ requests: 2, untouched: 1, injected: { 'under-test': 1 } });
  });

  it('leaves a request for another site untouched', async () => {
    const setup = await proxyWith(errorFault, {}, { sites: ['*.shop.example'] });
    close = setup.close;
    expect((await fetchOutcome(`${setup.proxy.url}/`, { host: 'api.shop.example' })).status).toBe(503);
    const other = await fetchOutcome(`${setup.proxy.url}/`, { host: 'blog.example' });
    expect(other).toMatchObject({ status: 200, body: 'ok blog.example /' });
    expect(setup.upstream.seen).toEqual(['blog.example /']);
  });

  it('hits only a share of the requests in scope; the rest reach the upstream untouched', async () => {
    const setup = await proxyWith(errorFault, {}, { percent: 40 });
    close = setup.close;
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await fetchOutcome(`${setup.proxy.url}/r${i}`)).status ?? 0);
    const hit = statuses.filter((s) => s === 503).length;
    expect(hit).toBeGreaterThan(0);
    expect(hit).toBeLessThan(40);
    expect(statuses.filter((s) => s === 200).length).toBe(40 - hit);
    expect(setup.upstream.seen.length).toBe(40 - hit);
    expect(setup.proxy.counts()).toMatchObject({
      requests: 40,
      untouched: 40 - hit,
      injected: { 'under-test': hit },
    });
  });

  it('touches nothing at 0%', async () => {
    const setup = await proxyWith(errorFault, {}, { percent: 0 });
    close = setup.close;
    for (let i = 0; i < 5; i++) expect((await fetchOutcome(`${setup.proxy.url}/`)).status).toBe(200);
    expect(setup.proxy.counts().injected).toEqual({});
  });
});
