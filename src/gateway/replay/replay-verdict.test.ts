import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../../config/index.js';
import type { RequestSample } from '../../core/index.js';
import { createDefaultInspector } from '../../inspect/index.js';
import { createReplayer } from './replay-verdict.js';

const configOf = (yaml: string) =>
  loadConfigText(
    `sites:\n  - name: shop\n    hosts: [shop.test]\n    upstream: { targets: ["http://127.0.0.1:9"] }\n${yaml}`,
    'test',
  );

const inspectorOf = (config: ReturnType<typeof configOf>) =>
  createDefaultInspector({
    disabled: config.inspect.analyzers.disabled,
    limits: config.inspect.limits,
    budgetMs: config.inspect.budgetMs,
  });

const sample = (target: string, over: Partial<RequestSample> = {}): RequestSample => ({
  id: target,
  time: 1_000,
  site: 'shop',
  ip: '198.51.100.7',
  method: 'GET',
  target,
  host: 'shop.test',
  headers: [['host', 'shop.test']],
  httpVersion: '1.1',
  protocol: 'http',
  body: null,
  action: 'allow',
  ...over,
});

const attack = sample("/search?q=1'+union+select+password+from+users--");

describe('createReplayer', () => {
  it('judges a sample as the gateway would: detection, mode, exclusions, decisions', () => {
    const blocking = configOf('');
    expect(createReplayer(blocking, inspectorOf(blocking), [])(attack)).toMatchObject({ action: 'block' });
    expect(createReplayer(blocking, inspectorOf(blocking), [])(sample('/search?q=shoes')).action).toBe(
      'allow',
    );
    const detect = configOf('inspect: { mode: detect }');
    expect(createReplayer(detect, inspectorOf(detect), [])(attack).action).toBe('log');
    const excluded = configOf('inspect: { exclusions: [{ analyzer: sqli, path: /search }] }');
    expect(createReplayer(excluded, inspectorOf(excluded), [])(attack).action).toBe('allow');
    const banned = createReplayer(blocking, inspectorOf(blocking), [
      {
        id: 'd',
        scope: 'cidr',
        value: '198.51.100.0/24',
        action: 'block',
        reason: 'r',
        source: 'manual',
        created: 0,
        expires: null,
        createdBy: 'cli',
      },
    ]);
    expect(banned(sample('/'))).toEqual({ action: 'block', reason: 'decision/ban' });
  });

  it('replays a sampled body', () => {
    const config = configOf('');
    const body = Buffer.from('{"name":"<script>alert(1)</script>"}').toString('base64');
    const post = sample('/api', {
      method: 'POST',
      headers: [
        ['host', 'shop.test'],
        ['content-type', 'application/json'],
      ],
      body,
    });
    expect(createReplayer(config, inspectorOf(config), [])(post).action).toBe('block');
  });
});
