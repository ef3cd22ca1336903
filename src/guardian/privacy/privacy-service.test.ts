import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Incident, SecurityEvent } from '../../core/index.js';
import * as store from '../../store/index.js';
import { securityEvent } from '../../store/security-event-fixture.testing.js';
import { createAuditLog } from '../audit-log.js';
import { addressFingerprint } from './address-fingerprint.js';
import { PrivacyError } from './privacy-error.js';
import { createPrivacyService } from './privacy-service.js';
import type { AddressExport, PrivacyStores } from './privacy-types.js';

const V6 = '2001:db8:1:2::7';

function memoryStores(): PrivacyStores {
  return {
    events: store.createMemoryEventStore({ max: 10_000 }),
    samples: store.createMemoryRequestSampleStore({ max: 10_000 }),
    intruders: store.createMemoryIntruderSessionStore({ max: 1000 }),
    incidents: store.createMemoryIncidentStore(),
    agentMemory: store.createMemoryAgentMemoryStore(),
    audit: store.createMemoryAuditStore(),
    users: store.createMemoryUserStore(),
    apiKeys: store.createMemoryApiKeyStore(),
    refreshTokens: store.createMemoryRefreshTokenStore(),
    secrets: store.createMemorySecretStore(),
  };
}

function eventFrom(id: string, ip: string, time: number): SecurityEvent {
  return securityEvent({ id, time, ip });
}

function incident(id: string, clients: string[]): Incident {
  return {
    id,
    title: 'Scan on shop',
    kind: 'scan',
    severity: 'medium',
    status: 'open',
    site: 'shop',
    clients,
    fingerprints: [],
    categories: ['scanner'],
    events: [],
    eventCount: 1,
    decisions: [],
    campaign: null,
    firstSeen: 1,
    lastSeen: 2,
    summary: '',
  };
}

function service(stores: PrivacyStores, options: { maxRecords?: number; ipv6PrefixLength?: number } = {}) {
  const key = randomBytes(32);
  const audit = createAuditLog(stores.audit);
  const privacy = createPrivacyService({
    stores,
    decisions: { list: () => [], remove: async () => false },
    audit,
    key,
    ...options,
  });
  return { privacy, key, audit };
}

describe('createPrivacyService', () => {
  it('finds and erases an IPv6 client in incidents by the network they name it by', async () => {
    const stores = memoryStores();
    await stores.incidents.put(incident('by-network', ['2001:db8:1:2::/64', '198.51.100.2']));
    await stores.incidents.put(incident('other-network', ['2001:db8:1:3::/64']));
    const { privacy } = service(stores, { ipv6PrefixLength: 64 });
    const by = { actor: 'user:alice', ip: '192.0.2.50' };

    const exported = (await privacy.exportSubject({ ip: '2001:DB8:1:2:0:0:0:7' }, by)) as AddressExport;
    expect(exported.subject).toEqual({ ip: V6 });
    expect(exported.incidents.items.map((i) => i.id)).toEqual(['by-network']);

    const report = await privacy.eraseSubject({ ip: V6 }, by);
    expect(report.counts.incidents).toBe(1);
    expect((await stores.incidents.get('by-network'))?.clients).toEqual(['198.51.100.2']);
    expect((await stores.incidents.get('other-network'))?.clients).toEqual(['2001:db8:1:3::/64']);
  });

  it('leaves out the requester address when it is the one erased', async () => {
    const stores = memoryStores();
    const { privacy, key } = service(stores);
    await privacy.eraseSubject({ ip: '203.0.113.7' }, { actor: 'user:alice', ip: '::ffff:203.0.113.7' });
    await privacy.eraseSubject({ ip: '203.0.113.7' }, { actor: 'user:alice', ip: '192.0.2.50' });
    const entries = await stores.audit.list();
    expect(entries.map((e) => [e.target, e.ip])).toEqual([
      [addressFingerprint('203.0.113.7', key), ''],
      [addressFingerprint('203.0.113.7', key), '192.0.2.50'],
    ]);
  });

  it('cuts a section at the most records an export holds, and says so', async () => {
    const stores = memoryStores();
    await stores.events.append([1, 2, 3, 4, 5].map((i) => eventFrom(`e${i}`, '203.0.113.7', 1000 * i)));
    const { privacy } = service(stores, { maxRecords: 3 });
    const exported = (await privacy.exportSubject(
      { ip: '203.0.113.7' },
      { actor: 'cli', ip: '' },
    )) as AddressExport;
    expect(exported.events.items.map((e) => e.id)).toEqual(['e5', 'e4', 'e3']);
    expect(exported.events.complete).toBe(false);
    expect(exported.events.note).toMatch(/only the 3 most recent events/);
  });

  it('records a failed erasure with how far it got, and still fails', async () => {
    const stores = memoryStores();
    const broken: PrivacyStores = {
      ...stores,
      samples: {
        ...stores.samples,
        eraseClient: async () => {
          throw new Error('store.sqlite: disk I/O error');
        },
      },
    };
    await stores.events.append([eventFrom('e1', '203.0.113.7', 1)]);
    const { privacy, audit } = service(broken);
    await expect(privacy.eraseSubject({ ip: '203.0.113.7' }, { actor: 'cli', ip: '' })).rejects.toThrow(
      /disk I\/O/,
    );
    const [entry] = await stores.audit.list();
    expect(entry).toMatchObject({
      action: 'privacy.erase',
      outcome: 'failure',
      details: { counts: { events: 1 } },
    });
    expect((await audit.verify()).ok).toBe(true);
  });

  it('refuses a subject that is neither one address nor one user', async () => {
    const { privacy } = service(memoryStores());
    const by = { actor: 'cli', ip: '' };
    await expect(privacy.exportSubject({ ip: '10.0.0.0/8' }, by)).rejects.toThrow(PrivacyError);
    await expect(privacy.exportSubject({ ip: '10.0.0.1', user: 'bob' } as never, by)).rejects.toThrow(
      /exactly one/,
    );
    await expect(privacy.eraseSubject({ user: '   ' }, by)).rejects.toThrow(/1 to 128 characters/);
    await expect(privacy.eraseSubject({ user: 'nobody' }, by)).rejects.toMatchObject({
      reason: 'unknown-user',
    });
  });
});
