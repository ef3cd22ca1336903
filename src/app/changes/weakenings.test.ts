import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../../config/index.js';
import { weakenings } from './weakenings.js';

const SITE =
  'sites:\n  - name: shop\n    hosts: [shop.test]\n    upstream: { targets: ["http://127.0.0.1:9"] }\n';
const configOf = (yaml: string) => loadConfigText(`${SITE}${yaml}`, 'test');

describe('weakenings', () => {
  it('finds nothing in a change that protects as much or more', () => {
    expect(
      weakenings(configOf(''), configOf('inspect: { sensitivity: high }\nlogging: { level: warn }')),
    ).toEqual([]);
  });

  it('names each way protection is lowered', () => {
    const before = configOf(
      'inspect: { sensitivity: high }\nguardian: { approvals: { enabled: true } }\ndefend: { rateLimits: [{ name: login, key: ip, limit: 5, windowMs: 60000 }] }',
    );
    const after = configOf(
      'inspect:\n  mode: detect\n  analyzers: { disabled: [xss] }\n  exclusions: [{ analyzer: sqli, path: /search }]\nserver: { trustedProxies: [10.0.0.0/8] }\ndefend: { rateLimits: [{ name: login, key: ip, limit: 50, windowMs: 60000 }] }',
    );
    expect(weakenings(before, after)).toEqual([
      'turns site shop to detect-only',
      'lowers the sensitivity of site shop from high to balanced',
      'disables analyzers: xss',
      'silences analyzer sqli on every site, paths under /search',
      'raises the rate limit login (50 per 60000 ms, was 5 per 60000 ms)',
      'trusts forwarding headers from 10.0.0.0/8',
      'turns change approvals off',
    ]);
  });

  it('counts reading only the prefix of a long body as lowered protection, and blocking it as raised', () => {
    const prefixOnly = configOf('inspect: { limits: { overLimit: inspect-prefix } }');
    expect(weakenings(configOf(''), prefixOnly)).toEqual([
      'lets requests over the inspection limits through as inspect-prefix',
    ]);
    expect(weakenings(prefixOnly, configOf(''))).toEqual([]);
    expect(weakenings(configOf(''), configOf('inspect: { limits: { overLimit: block } }'))).toEqual([]);
  });
});
