import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main.js';

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env }, out, err };
}

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'infinisec-cli-')), 'infinisec.yaml');
  writeFileSync(path, text);
  return path;
}

describe('runCli', () => {
  it('validates a good file', async () => {
    const t = io();
    const path = file(
      'sites: [{ name: a, hosts: ["*"], upstream: { targets: ["http://127.0.0.1:3000"] } }]\n',
    );
    expect(await runCli(['config', 'validate', '--config', path], t.io)).toBe(0);
    expect(t.out.join('')).toMatch(/^config ok: 1 site/);
  });

  it('lists every problem of a bad file, exits 2, and prints no stack trace', async () => {
    const t = io();
    const path = file(
      'server: { bogus: 1, limits: { maxBodyBytes: -5 } }\nsites: [{ name: "a b", hosts: [] }]\n',
    );
    expect(await runCli(['config', 'validate', '--config', path], t.io)).toBe(2);
    const text = t.err.join('');
    expect(text).toContain('INFINISEC_ERR_CONFIG_INVALID');
    for (const path of [
      'server: unknown option "bogus"',
      'server.limits.maxBodyBytes',
      'sites.0.name',
      'sites.0.hosts',
      'sites.0.upstream',
    ]) {
      expect(text).toContain(path);
    }
    expect(text).not.toMatch(/\n\s+at /);
  });

  it('refuses a configuration with no site', async () => {
    const t = io();
    expect(await runCli(['config', 'validate', '--config', file('{}\n')], t.io)).toBe(2);
    expect(t.err.join('')).toContain('no site is configured');
  });

  it('names the env variable of a bad env value', async () => {
    const t = io({ INFINISEC_CONTROL_PORT: 'abc' });
    const path = file(
      'sites: [{ name: a, hosts: ["*"], upstream: { targets: ["http://127.0.0.1:3000"] } }]\n',
    );
    expect(await runCli(['config', 'validate', '--config', path], t.io)).toBe(2);
    expect(t.err.join('')).toContain('INFINISEC_CONTROL_PORT');
  });

  it('answers usage mistakes with one line and status 2', async () => {
    const t = io();
    expect(await runCli(['frobnicate'], t.io)).toBe(2);
    expect(await runCli(['start', '--nope'], t.io)).toBe(2);
    expect(await runCli(['config', 'explode'], t.io)).toBe(2);
    expect(t.err.join('').match(/^infinisec: /gm)).toHaveLength(3);
    expect(t.err.join('')).not.toMatch(/\n\s+at /);
  });

  it('prints the version, help, and a command’s usage', async () => {
    const t = io();
    expect(await runCli(['--version'], t.io)).toBe(0);
    expect(t.out[0]).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(await runCli(['--help'], t.io)).toBe(0);
    expect(t.out[1]).toContain('start');
    expect(await runCli(['config', '--help'], t.io)).toBe(0);
    expect(t.out[2]).toContain('validate');
  });

  it('prints the effective configuration as YAML', async () => {
    const t = io({ INFINISEC_SERVER_LIMITS_MAX_BODY_BYTES: '123' });
    const path = file(
      'sites: [{ name: a, hosts: ["*"], upstream: { targets: ["http://127.0.0.1:3000"] } }]\n',
    );
    expect(await runCli(['config', 'print', '--config', path], t.io)).toBe(0);
    expect(t.out.join('')).toContain('maxBodyBytes: 123');
  });

  it('keeps the labyrinth secret out of the printed configuration', async () => {
    const t = io({ INFINISEC_LABYRINTH_SECRET: 'do-not-print-this-secret-123' });
    const path = file(
      'sites: [{ name: a, hosts: ["*"], upstream: { targets: ["http://127.0.0.1:3000"] } }]\n',
    );
    expect(await runCli(['config', 'print', '--config', path], t.io)).toBe(0);
    expect(t.out.join('')).not.toContain('do-not-print-this-secret-123');
    expect(t.out.join('')).toContain('secret: "[redacted]"');
  });

  it('validates the example configuration shipped with the project', async () => {
    const t = io();
    const example = new URL('../../infinisec.example.yaml', import.meta.url).pathname;
    expect(await runCli(['config', 'validate', '--config', example], t.io)).toBe(0);
  });

  it('lists the audit and secrets commands, and keeps them off the memory store', async () => {
    const t = io();
    expect(await runCli(['--help'], t.io)).toBe(0);
    expect(t.out[0]).toMatch(/^ {2}audit\s/m);
    expect(t.out[0]).toMatch(/^ {2}secrets\s/m);
    const memory = file('store: { driver: memory }\n');
    expect(await runCli(['audit', 'verify', '--config', memory], t.io)).toBe(2);
    expect(await runCli(['secrets', 'rotate-key', '--config', memory], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/store\.driver is memory/);
  });

  it('verifies an empty audit log in a new data dir', async () => {
    const t = io();
    const dataDir = join(mkdtempSync(join(tmpdir(), 'infinisec-cli-')), 'data');
    const path = file(`store: { driver: sqlite, dataDir: ${JSON.stringify(dataDir)} }\n`);
    expect(await runCli(['audit', 'verify', '--config', path], t.io)).toBe(0);
    expect(t.out.join('')).toBe('audit chain intact: 0 entries\n');
  });
});
