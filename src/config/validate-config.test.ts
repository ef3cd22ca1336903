import { describe, expect, it } from 'vitest';
import { configSchema } from './schema.js';
import { validateConfig } from './validate-config.js';

const site = { name: 'app', hosts: ['*'], upstream: { targets: ['http://127.0.0.1:3000'] } };

describe('validateConfig', () => {
  it('fills in every default', () => {
    const result = validateConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.server.listeners).toEqual([{ host: '0.0.0.0', port: 8080 }]);
    expect(result.config.server.limits.maxBodyBytes).toBe(10 * 1024 * 1024);
    expect(result.config.control).toEqual({
      enabled: true,
      host: '127.0.0.1',
      port: 9090,
      auth: { accessTokenSeconds: 900, refreshTokenHours: 168, signingKeyRotationHours: 24 },
      streamMaxBufferedBytes: 1024 * 1024,
    });
    expect(result.config.sites).toEqual([]);
  });

  it('returns a deeply frozen config', () => {
    const result = validateConfig({ sites: [site] });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(Object.isFrozen(result.config)).toBe(true);
    expect(Object.isFrozen(result.config.server.limits)).toBe(true);
    expect(Object.isFrozen(result.config.sites[0]!.upstream.targets)).toBe(true);
    expect(() => {
      (result.config.control as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it("freezes its own copy, not the schema's default values", () => {
    validateConfig({});
    expect(Object.isFrozen(configSchema.parse({}).server.listeners[0])).toBe(false);
  });

  it('words problems plainly, one line per problem, with the path of each', () => {
    const result = validateConfig({
      server: { bogus: 1, other: 2, listeners: [] },
      sites: [{ ...site, upstream: { targets: ['ftp://x'] } }],
      inspect: { mode: 'loud' },
      control: { port: '9090' },
      defend: { ipv6PrefixLength: 200 },
      store: { driver: 'sqlite', dataDir: '' },
      labyrinth: { enabled: 1.5 },
      unknownSection: {},
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'server: unknown option "bogus"',
        'server: unknown option "other"',
        'server.listeners: must not be empty',
        'sites.0.upstream.targets.0: must be an http:// or https:// origin, like http://127.0.0.1:3000',
        'inspect.mode: must be one of "block", "detect"; got "loud"',
        'control.port: expected number, got string',
        'defend.ipv6PrefixLength: must be at most 128; got 200',
        'store.dataDir: must not be empty',
        'labyrinth.enabled: expected boolean, got number',
        '(root): unknown option "unknownSection"',
      ]),
    );
    expect(result.problems).toHaveLength(10);
  });

  it('says what is missing and what is not an integer', () => {
    const result = validateConfig({ sites: [{ name: 'app', hosts: ['*'] }], control: { port: 80.5 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'sites.0.upstream: required (object)',
      'control.port: expected integer, got 80.5',
    ]);
  });

  it('runs the cross-field checks of the schema', () => {
    const result = validateConfig({ sites: [site, site] });
    expect(result).toEqual({ ok: false, problems: ['sites.1.name: duplicate site name "app"'] });
  });
});
