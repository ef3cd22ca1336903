import { afterEach, describe, expect, it } from 'vitest';
import { fetchOutcome, proxyWith } from '../chaos-upstream.testing.js';
import { dropFault } from './drop.js';

describe('drop fault', () => {
  let close = async () => {};
  afterEach(() => close());

  it('closes the connection on the first N requests, then lets the rest through', async () => {
    const setup = await proxyWith(dropFault, { count: 2 });
    close = setup.close;
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await fetchOutcome(`${setup.proxy.url}/n${i}`));
    expect(outcomes.map((o) => o.status ?? o.error)).toEqual(['ECONNRESET', 'ECONNRESET', 200, 200]);
    expect(setup.upstream.seen.map((line) => line.split(' ')[1])).toEqual(['/n2', '/n3']);
    expect(setup.proxy.counts()).toMatchObject({ requests: 4, untouched: 2, injected: { 'under-test': 2 } });
  });
});
