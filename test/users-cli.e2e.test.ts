import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login } from './helpers/control-client.js';
import { baseConfig } from './helpers/gateway-config.js';
import { startInProcess } from './helpers/gateway-in-process.js';
import { runBin } from './helpers/run-bin.js';
import { makeTempDir } from './helpers/temp-dir.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

const PASSWORD = 'a long enough passphrase';

describe('infinisec users', () => {
  const dir = makeTempDir();
  const config = join(dir.path, 'infinisec.yaml');
  const passwordFile = join(dir.path, 'password');
  let upstream: Upstream;
  const settings = () => ({
    ...baseConfig(upstream.url),
    store: { driver: 'sqlite' as const, dataDir: join(dir.path, 'data') },
  });

  beforeAll(async () => {
    upstream = await startUpstream();
    writeFileSync(config, JSON.stringify(settings()));
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  });

  afterAll(async () => {
    await upstream?.close();
    dir.remove();
  });

  it('adds the first admin, who then signs in to the control API and sees the audit entry', async () => {
    const added = await runBin(
      ['users', 'add', 'Alice', '--role', 'admin', '--password-file', passwordFile, '-c', config],
      dir.path,
    );
    expect(added.code).toBe(0);
    expect(added.stdout).toBe('added alice (admin)\n');
    expect(added.stdout + added.stderr).not.toContain(PASSWORD);

    const listed = await runBin(['users', 'list', '-c', config], dir.path);
    expect(listed.stdout).toMatch(/^alice\tadmin\tno-mfa$/m);

    const gateway = await startInProcess(settings());
    try {
      expect(gateway.setupToken).toBeUndefined();
      const token = await login(gateway.controlUrl, 'alice', PASSWORD);
      const audit = await api(gateway.controlUrl, 'GET', '/api/audit?actor=cli', { token });
      expect(audit.json.entries).toContainEqual(
        expect.objectContaining({ action: 'user.create', target: 'alice', outcome: 'success' }),
      );
    } finally {
      await gateway.stop();
    }
  });

  it('refuses a weak password, an unknown role and a taken name, and writes nothing', async () => {
    const weak = join(dir.path, 'weak');
    writeFileSync(weak, 'short\n');
    const tooWeak = await runBin(
      ['users', 'add', 'bob', '--role', 'viewer', '--password-file', weak, '-c', config],
      dir.path,
    );
    expect(tooWeak.code).toBe(1);
    expect(tooWeak.stderr).toMatch(/12 characters/);
    const badRole = await runBin(
      ['users', 'add', 'bob', '--role', 'root', '--password-file', passwordFile, '-c', config],
      dir.path,
    );
    expect(badRole.code).toBe(2);
    const taken = await runBin(
      ['users', 'add', 'alice', '--role', 'viewer', '--password-file', passwordFile, '-c', config],
      dir.path,
    );
    expect(taken.code).toBe(1);
    expect((await runBin(['users', 'list', '-c', config], dir.path)).stdout).not.toContain('bob');
  });

  it('unlocks and deletes a user', async () => {
    expect((await runBin(['users', 'unlock', 'alice', '-c', config], dir.path)).code).toBe(0);
    expect((await runBin(['users', 'delete', 'alice', '-c', config], dir.path)).code).toBe(0);
    expect((await runBin(['users', 'list', '-c', config], dir.path)).stdout).toMatch(/no users yet/);
    expect((await runBin(['users', 'delete', 'alice', '-c', config], dir.path)).code).toBe(1);
  });
});
