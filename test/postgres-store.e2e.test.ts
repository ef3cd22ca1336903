import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postgresReachable,
  TEST_POSTGRES_URL,
  testSchemas,
} from '../src/store/postgres/postgres-test-database.testing.js';
import { api, login } from './helpers/control-client.js';
import { baseConfig } from './helpers/gateway-config.js';
import { type InProcessGateway, startInProcess } from './helpers/gateway-in-process.js';
import { send } from './helpers/http-client.js';
import { startUpstream, type Upstream } from './helpers/upstream.js';

const PASSWORD = 'correct horse battery staple';

describe.skipIf(!postgresReachable)('infinisec on PostgreSQL (store.driver: postgres)', () => {
  const schemas = testSchemas();
  const schema = schemas.name();
  let upstream: Upstream;
  let gateway: InProcessGateway;
  const start = async () =>
    startInProcess({
      ...baseConfig(upstream.url),
      store: { driver: 'postgres', postgres: { url: TEST_POSTGRES_URL, schema }, events: { flushMs: 20 } },
    });

  beforeAll(async () => {
    upstream = await startUpstream();
    gateway = await start();
  });
  afterAll(async () => {
    await gateway?.stop();
    await upstream?.close();
  });

  it('keeps users, events, decisions and the audit chain in PostgreSQL across a restart', async () => {
    const setup = await api(gateway.controlUrl, 'POST', '/api/setup', {
      body: { token: gateway.setupToken, username: 'pg-admin', password: PASSWORD },
    });
    expect(setup.status).toBe(201);
    let token = await login(gateway.controlUrl, 'pg-admin', PASSWORD);
    for (let i = 0; i < 5; i++) await send(`${gateway.url}/pg/${i}`);
    const made = await api(gateway.controlUrl, 'POST', '/api/decisions', {
      token,
      body: { value: '198.51.100.99', action: 'block' },
    });
    expect(made.status).toBe(201);
    await gateway.app.storage.writer!.flush();

    await gateway.stop();
    gateway = await start();
    expect(gateway.setupToken).toBeUndefined();
    token = await login(gateway.controlUrl, 'pg-admin', PASSWORD);
    const events = await api(gateway.controlUrl, 'GET', '/api/events?path=/pg/', { token });
    expect(events.json.events).toHaveLength(5);
    const decisions = await api(gateway.controlUrl, 'GET', '/api/decisions', { token });
    expect(decisions.json.decisions.map((d: { id: string }) => d.id)).toContain(made.json.id);
    const verified = await api(gateway.controlUrl, 'GET', '/api/audit/verify', { token });
    expect(verified.json).toMatchObject({ ok: true });
    expect(verified.json.entries).toBeGreaterThanOrEqual(3);
  });
});
