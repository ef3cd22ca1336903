import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../src/core/index.js';
import { baseConfig } from './helpers/gateway-config.js';
import { startInProcess } from './helpers/gateway-in-process.js';
import { send } from './helpers/http-client.js';
import { runBin } from './helpers/run-bin.js';
import { makeTempDir } from './helpers/temp-dir.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

const FAIL2BAN = `Status for the jail: sshd
|- Filter
|  |- Currently failed:\t2
|  \`- Total failed:\t37
\`- Actions
   |- Currently banned:\t2
   |- Total banned:\t5
   \`- Banned IP list:\t198.51.100.31 198.51.100.32
`;
const CROWDSEC = JSON.stringify([
  {
    id: 1,
    decisions: [
      {
        value: '203.0.113.0/24',
        scope: 'Range',
        type: 'ban',
        duration: '3h59m50s',
        scenario: 'crowdsecurity/http-probing',
      },
      {
        value: '192.0.2.77',
        scope: 'Ip',
        type: 'captcha',
        duration: '1h',
        scenario: 'crowdsecurity/http-crawl',
      },
    ],
  },
]);

describe('infinisec decisions', () => {
  const dir = makeTempDir();
  const config = join(dir.path, 'infinisec.yaml');
  let upstream: Upstream;

  beforeAll(async () => {
    upstream = await startUpstream();
    writeFileSync(
      config,
      JSON.stringify({
        ...baseConfig(upstream.url),
        server: { listeners: [{ host: '127.0.0.1', port: 0 }], trustedProxies: ['127.0.0.1'] },
        store: { driver: 'sqlite', dataDir: join(dir.path, 'data') },
      }),
    );
  });

  afterAll(async () => {
    await upstream?.close();
    dir.remove();
  });

  const cli = (...args: string[]) => runBin(['decisions', ...args, '--config', config], dir.path);
  const list = async (): Promise<Decision[]> => JSON.parse((await cli('list', '--format', 'json')).stdout);

  it('adds, lists and deletes a decision', async () => {
    const added = await cli('add', '198.51.100.9', '--duration', '1h', '--reason', 'abuse report');
    expect(added.code).toBe(0);
    const [decision] = await list();
    expect(decision).toMatchObject({ scope: 'ip', value: '198.51.100.9', action: 'block', source: 'manual' });
    expect(decision!.expires! - Date.now()).toBeGreaterThan(3_500_000);
    expect((await cli('list')).stdout).toMatch(/198\.51\.100\.9\s+block\s+manual/);
    expect((await cli('delete', decision!.id)).code).toBe(0);
    expect(await list()).toEqual([]);
    expect((await cli('delete', decision!.id)).code).toBe(1);
  });

  it('refuses bad input with a usage error and changes nothing', async () => {
    for (const args of [
      ['add', 'not-an-ip'],
      ['add', '10.0.0.1', '--duration', 'soon'],
      ['add', '10.0.0.1', '--action', 'nuke'],
      ['import', 'x', '--format', 'csv'],
    ]) {
      const run = await cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/INFINISEC_ERR_CLI_USAGE/);
    }
    expect(await list()).toEqual([]);
  });

  it('imports plain lists, fail2ban status and CrowdSec decisions', async () => {
    const plain = join(dir.path, 'plain.txt');
    writeFileSync(plain, '# office abusers\n192.0.2.10\n2001:db8:bad::/48  # a range\nnonsense\n');
    const run = await cli('import', plain, '--format', 'plain', '--duration', '12h');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/line 4/);
    const f2b = join(dir.path, 'f2b.txt');
    writeFileSync(f2b, FAIL2BAN);
    expect((await cli('import', f2b, '--format', 'fail2ban')).code).toBe(0);
    const cs = join(dir.path, 'cs.json');
    writeFileSync(cs, CROWDSEC);
    expect((await cli('import', cs, '--format', 'crowdsec')).code).toBe(0);
    const values = (await list()).map((d) => `${d.scope} ${d.value} ${d.reason}`);
    expect(values.sort()).toEqual(
      [
        'cidr 2001:db8:bad::/48 import/plain',
        'cidr 203.0.113.0/24 crowdsec/crowdsecurity/http-probing',
        'ip 192.0.2.10 import/plain',
        'ip 198.51.100.31 fail2ban/sshd',
        'ip 198.51.100.32 fail2ban/sshd',
      ].sort(),
    );
  });

  it('reach a running gateway within seconds, both ways', async () => {
    const gateway = await startInProcess(
      JSON.parse(
        JSON.stringify({
          ...baseConfig(upstream.url),
          server: { listeners: [{ host: '127.0.0.1', port: 0 }], trustedProxies: ['127.0.0.1'] },
          store: { driver: 'sqlite', dataDir: join(dir.path, 'data') },
        }),
      ),
    );
    try {
      const get = () => send(`${gateway.url}/`, { headers: { 'x-forwarded-for': '198.51.100.77' } });
      expect((await get()).status).toBe(200);
      const added = await cli('add', '198.51.100.77');
      const id = /added (\S+):/.exec(added.stdout)![1]!;
      const until = async (status: number) => {
        for (let i = 0; i < 40 && (await get()).status !== status; i++)
          await new Promise((r) => setTimeout(r, 250));
        return (await get()).status;
      };
      expect(await until(403)).toBe(403);
      await cli('delete', id);
      expect(await until(200)).toBe(200);
    } finally {
      await gateway.stop();
    }
  }, 40_000);
});
