import { describe, expect, it } from 'vitest';
import { describeConfigSchema, listConfigOptions } from './config-options.js';

function option(path: string) {
  const found = describeConfigSchema().find((node) => node.path === path);
  if (!found) throw new Error(`no option ${path}`);
  return found;
}

describe('listConfigOptions', () => {
  it('lists scalars with their kind, default and env twin', () => {
    expect(option('server.limits.maxBodyBytes')).toMatchObject({
      env: 'INFINISEC_SERVER_LIMITS_MAX_BODY_BYTES',
      kind: 'integer',
      type: 'integer ≥ 0',
      default: 10 * 1024 * 1024,
      required: false,
    });
    expect(option('control.port').type).toBe('integer 0–65535');
    expect(option('logging.level')).toMatchObject({ kind: 'enum', default: 'info' });
    expect(option('logging.level').values).toContain('debug');
  });

  it('makes a list one option, with a JSON env twin, and describes its entries', () => {
    expect(option('sites')).toMatchObject({
      env: 'INFINISEC_SITES',
      kind: 'list',
      itemKind: 'object',
      default: [],
    });
    expect(option('server.trustedProxies')).toMatchObject({ kind: 'list', itemKind: 'string' });
    expect(option('sites[].upstream.targets')).toMatchObject({ required: true, kind: 'list' });
    expect(option('sites[].upstream.targets').env).toBeUndefined();
  });

  it('has only leaves (no sections) among the options with an env twin', () => {
    const kinds = new Set(listConfigOptions().map((o) => o.kind));
    expect(kinds.has('object')).toBe(false);
    expect(listConfigOptions().map((o) => o.path)).toEqual(
      expect.arrayContaining(['server.listeners', 'defend.decisions', 'control.enabled', 'store.dataDir']),
    );
  });

  it('finds a description for every option, section and field of the schema', () => {
    const undescribed = describeConfigSchema().filter((node) => node.description.trim() === '');
    expect(undescribed.map((node) => node.path)).toEqual([]);
  });
});
