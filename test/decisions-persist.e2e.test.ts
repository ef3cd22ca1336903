import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigInput } from '../src/config/index.js';
import { baseConfig } from './helpers/gateway-config.js';
import { startInProcess } from './helpers/gateway-in-process.js';
import { send } from './helpers/http-client.js';
import { makeTempDir } from './helpers/temp-dir.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

const from = (ip: string) => ({ 'x-forwarded-for': ip });

describe('decisions in the SQLite store', () => {
  let upstream: Upstream;
  const data = makeTempDir();
  let config: ConfigInput;

  beforeAll(async () => {
    upstream = await startUpstream();
    config = {
      ...baseConfig(upstream.url),
      server: { listeners: [{ host: '127.0.0.1', port: 0 }], trustedProxies: ['127.0.0.1'] },
      store: { driver: 'sqlite', dataDir: data.path },
      defend: {
        scenarios: [{ name: 'scan-404', statuses: [404], capacity: 2, leakMs: 60_000, banMs: 600_000 }],
      },
    };
  });

  afterAll(async () => {
    await upstream?.close();
    data.remove();
  });

  it('survive a gateway restart', async () => {
    const first = await startInProcess(config);
    for (let i = 0; i < 3; i++)
      await send(`${first.url}/status?code=404&i=${i}`, { headers: from('198.51.100.60') });
    expect((await send(`${first.url}/`, { headers: from('198.51.100.60') })).status).toBe(403);
    await first.stop();

    const second = await startInProcess(config);
    try {
      expect((await send(`${second.url}/`, { headers: from('198.51.100.60') })).status).toBe(403);
      expect((await send(`${second.url}/`, { headers: from('198.51.100.61') })).status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
