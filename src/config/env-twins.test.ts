import { describe, expect, it } from 'vitest';
import { applyEnvOverrides } from './env-twins.js';

describe('applyEnvOverrides', () => {
  it('sets values at their paths, coerced by the kind of the option', () => {
    const result = applyEnvOverrides(
      {},
      {
        INFINISEC_CONTROL_PORT: '9191',
        INFINISEC_CONTROL_ENABLED: 'false',
        INFINISEC_INSPECT_ENABLED: 'YES',
        INFINISEC_LOGGING_LEVEL: 'debug',
        INFINISEC_STORE_DATA_DIR: '/var/lib/infinisec',
      },
    );
    expect(result.problems).toEqual([]);
    expect(result.input).toEqual({
      control: { port: 9191, enabled: false },
      inspect: { enabled: true },
      logging: { level: 'debug' },
      store: { dataDir: '/var/lib/infinisec' },
    });
  });

  it('wins over the file and leaves the input untouched', () => {
    const input = { control: { port: 1, host: '::1' } };
    const result = applyEnvOverrides(input, { INFINISEC_CONTROL_PORT: '2' });
    expect(result.input).toEqual({ control: { port: 2, host: '::1' } });
    expect(input.control.port).toBe(1);
    expect(result.applied).toEqual([{ path: 'control.port', env: 'INFINISEC_CONTROL_PORT' }]);
  });

  it('reads lists as JSON, and lists of strings also comma-separated', () => {
    const sites = [{ name: 'app', hosts: ['*'], upstream: { targets: ['http://127.0.0.1:3000'] } }];
    const result = applyEnvOverrides(
      { server: { trustedProxies: ['192.0.2.1'] } },
      {
        INFINISEC_SITES: JSON.stringify(sites),
        INFINISEC_SERVER_TRUSTED_PROXIES: ' 10.0.0.0/8, 192.168.0.0/16 ,',
        INFINISEC_DEFEND_DECISIONS: '[{"scope":"ip","value":"198.51.100.7"}]',
      },
    );
    expect(result.problems).toEqual([]);
    expect(result.input).toEqual({
      server: { trustedProxies: ['10.0.0.0/8', '192.168.0.0/16'] },
      sites,
      defend: { decisions: [{ scope: 'ip', value: '198.51.100.7' }] },
    });
    const json = applyEnvOverrides({}, { INFINISEC_SERVER_TRUSTED_PROXIES: '["::1"]' });
    expect(json.input).toEqual({ server: { trustedProxies: ['::1'] } });
  });

  it('reports a value it cannot use by the name of its variable, and does not throw', () => {
    const result = applyEnvOverrides(
      { control: { port: 9090 } },
      {
        INFINISEC_CONTROL_PORT: 'abc',
        INFINISEC_CONTROL_ENABLED: 'maybe',
        INFINISEC_LOGGING_LEVEL: 'loud',
        INFINISEC_SITES: '[{"name":',
        INFINISEC_DEFEND_DECISIONS: '{"scope":"ip"}',
      },
    );
    expect(result.problems).toHaveLength(5);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'INFINISEC_CONTROL_PORT: expected a number for control.port, got "abc"',
        'INFINISEC_CONTROL_ENABLED: expected true or false for control.enabled, got "maybe"',
        'INFINISEC_LOGGING_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent for logging.level, got "loud"',
        expect.stringMatching(/^INFINISEC_SITES: sites must be JSON: /),
        'INFINISEC_DEFEND_DECISIONS: defend.decisions must be a JSON array',
      ]),
    );
    expect(result.input).toEqual({ control: { port: 9090 } });
  });

  it('refuses unknown INFINISEC_ variables but not the config path, and treats empty as unset', () => {
    const result = applyEnvOverrides(
      {},
      {
        INFINISEC_CONTROL_PROT: '1',
        INFINISEC_CONFIG: './x.yaml',
        INFINISEC_CONTROL_PORT: '',
        HOME: '/root',
      },
    );
    expect(result.problems).toEqual([
      'INFINISEC_CONTROL_PROT: not a config option (the env twins are listed in docs/config.md)',
    ]);
    expect(result.input).toEqual({});
  });

  it('leaves a non-object in the way for validation to report', () => {
    const result = applyEnvOverrides({ server: 5 }, { INFINISEC_SERVER_LIMITS_MAX_BODY_BYTES: '10' });
    expect(result.input).toEqual({ server: 5 });
  });
});
