import { describe, expect, it } from 'vitest';
import { describeConfigSchema, listConfigOptions } from './config-options.js';
import { CONFIG_PATH_ENV, envNameFor } from './env-name.js';

describe('envNameFor', () => {
  it.each([
    [['server', 'limits', 'maxBodyBytes'], 'INFINISEC_SERVER_LIMITS_MAX_BODY_BYTES'],
    [['defend', 'ipv6PrefixLength'], 'INFINISEC_DEFEND_IPV6_PREFIX_LENGTH'],
    [['store', 'dataDir'], 'INFINISEC_STORE_DATA_DIR'],
    [['sites'], 'INFINISEC_SITES'],
    [['a', 'HTTPServer'], 'INFINISEC_A_HTTP_SERVER'],
  ])('%j → %s', (segments, expected) => {
    expect(envNameFor(segments)).toBe(expected);
  });

  it('gives every option its own name, none of them the reserved config path', () => {
    const names = listConfigOptions().map((option) => option.env);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain(CONFIG_PATH_ENV);
  });

  it('gives no env twin to fields inside list entries', () => {
    const fields = describeConfigSchema().filter((node) => node.path.includes('[]'));
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.filter((field) => field.env !== undefined)).toEqual([]);
  });
});
