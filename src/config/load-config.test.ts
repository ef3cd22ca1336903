import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InfinisecError } from '../core/index.js';
import { loadConfig, loadConfigSync } from './load-config.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'infinisec-config-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(text: string): string {
  const path = join(dir, 'infinisec.yaml');
  writeFileSync(path, text);
  return path;
}

async function loadError(options: Parameters<typeof loadConfig>[0]): Promise<InfinisecError> {
  const err = await loadConfig(options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (err instanceof InfinisecError) return err;
  throw new Error(`expected an InfinisecError, got ${String(err)}`);
}

const SITE = `
sites:
  - name: shop
    hosts: [shop.example.com]
    upstream:
      targets: [http://127.0.0.1:3000]
`;

describe('loadConfig', () => {
  it('fills in the defaults around what the file sets', async () => {
    const config = await loadConfig({ file: file(SITE), env: {} });
    expect(config.sites[0]!.upstream).toMatchObject({
      targets: ['http://127.0.0.1:3000'],
      balance: 'round-robin',
      connectTimeoutMs: 5000,
      headersTimeoutMs: 30_000,
      bodyTimeoutMs: 30_000,
      connections: 256,
      retry: { attempts: 3 },
    });
    expect(config.inspect).toMatchObject({ enabled: true, mode: 'block', sensitivity: 'balanced' });
    expect(config.logging.level).toBe('info');
  });

  it('reads an empty file as all defaults', async () => {
    const config = await loadConfig({ file: file(''), env: {} });
    expect(config.server.listeners).toEqual([{ host: '0.0.0.0', port: 8080 }]);
  });

  it('returns a deeply frozen config', async () => {
    const config = await loadConfig({ file: file(SITE), env: {} });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.sites[0]!.hosts)).toBe(true);
    expect(() => (config.sites as unknown[]).push({})).toThrow(TypeError);
  });

  it('refuses a bad file with every problem at once, each with its path', async () => {
    const path = file(`
server:
  bogus: true
  limits:
    maxBodyBytes: -5
sites:
  - name: shop
    hosts: []
    upstream:
      targets: [ftp://127.0.0.1]
inspect:
  mode: loud
control:
  port: nine
`);
    const err = await loadError({ file: path, env: {} });
    expect(err.code).toBe('INFINISEC_ERR_CONFIG_INVALID');
    expect(err.message).toBe(`config: the configuration is invalid: 6 problems in ${path}`);
    expect([...err.details].sort()).toEqual([
      'control.port: expected number, got string',
      'inspect.mode: must be one of "block", "detect"; got "loud"',
      'server.limits.maxBodyBytes: must be at least 0; got -5',
      'server: unknown option "bogus"',
      'sites.0.hosts: must not be empty',
      'sites.0.upstream.targets.0: must be an http:// or https:// origin, like http://127.0.0.1:3000',
    ]);
  });

  it('lets the environment win over the file, coercing its text', async () => {
    const config = await loadConfig({
      file: file(`${SITE}control:\n  port: 9090\n`),
      env: {
        INFINISEC_CONTROL_PORT: '9191',
        INFINISEC_LABYRINTH_ENABLED: 'true',
        INFINISEC_SERVER_TRUSTED_PROXIES: '10.0.0.0/8,127.0.0.1',
        INFINISEC_SERVER_LISTENERS: '[{"port":8443},{"host":"::","port":8080}]',
      },
    });
    expect(config.control.port).toBe(9191);
    expect(config.labyrinth.enabled).toBe(true);
    expect(config.server.trustedProxies).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(config.server.listeners).toEqual([
      { host: '0.0.0.0', port: 8443 },
      { host: '::', port: 8080 },
    ]);
    expect(config.sites[0]!.name).toBe('shop');
  });

  it('reports env problems by variable, together with the problems of the file', async () => {
    const err = await loadError({
      file: file('inspect:\n  mode: loud\n'),
      env: { INFINISEC_CONTROL_PORT: 'abc', INFINISEC_DEFEND_IPV6_PREFIX_LENGTH: '8' },
    });
    expect(err.message).toMatch(/3 problems in .*infinisec\.yaml and the environment$/);
    expect(err.details).toEqual([
      'inspect.mode: must be one of "block", "detect"; got "loud"',
      'defend.ipv6PrefixLength: must be at least 32; got 8 (set by INFINISEC_DEFEND_IPV6_PREFIX_LENGTH)',
      'INFINISEC_CONTROL_PORT: expected a number for control.port, got "abc"',
    ]);
  });

  it('lays base (demo mode) under the file: objects merge, lists are replaced', async () => {
    const config = await loadConfig({
      file: file('server:\n  trustedProxies: [10.0.0.1]\ncontrol:\n  port: 9999\n'),
      env: {},
      base: {
        server: { trustedProxies: ['192.0.2.1', '192.0.2.2'], limits: { maxBodyBytes: 1024 } },
        control: { host: '::1' },
      },
    });
    expect(config.server.trustedProxies).toEqual(['10.0.0.1']);
    expect(config.server.limits.maxBodyBytes).toBe(1024);
    expect(config.control).toMatchObject({ enabled: true, host: '::1', port: 9999 });
  });

  it('takes the file path from INFINISEC_CONFIG', async () => {
    const config = await loadConfig({ env: { INFINISEC_CONFIG: file('control:\n  port: 7000\n') } });
    expect(config.control.port).toBe(7000);
  });

  it('refuses a named file that does not exist, and a YAML syntax error', async () => {
    const missing = await loadError({ file: join(dir, 'nope.yaml'), env: {} });
    expect(missing.code).toBe('INFINISEC_ERR_CONFIG_READ');
    expect(missing.message).toContain('nope.yaml: no such file');
    const broken = await loadError({ file: file('control:\n  port: [1\n'), env: {} });
    expect(broken.code).toBe('INFINISEC_ERR_CONFIG_PARSE');
    expect(broken.message).toMatch(/infinisec\.yaml:\d+:\d+: /);
  });
});

describe('loadConfigSync', () => {
  it('does the same without waiting', () => {
    const config = loadConfigSync({ file: file(SITE), env: { INFINISEC_INSPECT_MODE: 'detect' } });
    expect(config.inspect.mode).toBe('detect');
    expect(Object.isFrozen(config.inspect)).toBe(true);
    expect(() => loadConfigSync({ file: file('logging:\n  level: loud\n'), env: {} })).toThrow(
      /1 problem in /,
    );
  });
});
