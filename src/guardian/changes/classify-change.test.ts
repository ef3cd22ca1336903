import { describe, expect, it } from 'vitest';
import type { Action, RequestSample } from '../../core/index.js';
import { classifyChange } from './classify-change.js';
import { summarizeImpact } from './impact-preview.js';

const sample = (id: string, time = 1): RequestSample => ({
  id,
  time,
  site: 'shop',
  ip: '192.0.2.1',
  method: 'GET',
  target: `/p/${id}`,
  host: 'shop.test',
  headers: [],
  httpVersion: '1.1',
  protocol: 'http',
  body: null,
  action: 'allow',
});
const replay = (id: string, before: Action, after: Action, time = 1) => ({
  sample: sample(id, time),
  before,
  after,
  reason: after === 'allow' ? '' : 'detector/sqli',
});

describe('summarizeImpact', () => {
  it('counts stricter, looser and other changes with shifts largest first', () => {
    const preview = summarizeImpact([
      replay('a', 'allow', 'block', 5),
      replay('b', 'allow', 'block', 3),
      replay('c', 'block', 'allow', 9),
      replay('d', 'challenge', 'block'),
      replay('e', 'allow', 'allow'),
      replay('f', 'log', 'allow'),
    ]);
    expect(preview).toMatchObject({ samples: 6, from: 1, to: 9, changed: 5, stricter: 2, looser: 1 });
    expect(preview.shifts[0]).toEqual({ from: 'allow', to: 'block', count: 2 });
    expect(preview.shifts).toHaveLength(4);
    expect(preview.examples.map((e) => e.sample)).toEqual(['a', 'b', 'c', 'd', 'f']);
  });

  it('is empty over no samples', () => {
    expect(summarizeImpact([])).toEqual({
      samples: 0,
      from: null,
      to: null,
      changed: 0,
      stricter: 0,
      looser: 0,
      shifts: [],
      examples: [],
    });
  });
});

describe('classifyChange', () => {
  const none = summarizeImpact([replay('a', 'allow', 'allow')]);

  it('is low when nothing is weakened and no sampled answer changes', () => {
    expect(classifyChange({ kind: 'config', preview: none, weakenings: [] })).toEqual({
      impact: 'low',
      reasons: ['lowers no protection and changes no answer to 1 sampled request'],
    });
  });

  it('is high for a weakening, a broad range, or any changed answer, with a reason each', () => {
    expect(
      classifyChange({ kind: 'config', preview: none, weakenings: ['turns inspect.mode to detect'] }),
    ).toMatchObject({ impact: 'high', reasons: ['turns inspect.mode to detect'] });
    expect(
      classifyChange({ kind: 'decision', preview: none, weakenings: [], broadRange: '65,536 addresses' }),
    ).toMatchObject({ impact: 'high' });
    const stricter = summarizeImpact([replay('a', 'allow', 'block'), replay('b', 'allow', 'allow')]);
    expect(classifyChange({ kind: 'config', preview: stricter, weakenings: [] })).toEqual({
      impact: 'high',
      reasons: ['would stop 1 request of 2 sampled that pass today'],
    });
  });
});
