import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/index.js';
import {
  canonicalAddress,
  type ErasureReport,
  PrivacyError,
  type PrivacyRequester,
  type PrivacySubject,
} from '../../guardian/privacy/index.js';
import { can } from '../auth/index.js';
import { createRouter } from '../http/router.js';
import type { Principal } from '../principal.js';
import type { PrivacyControl } from '../privacy-control.js';
import { privacyRoutes } from './privacy-routes.js';

/** A privacy control that records its calls and refuses as the real one does. */
function recordingControl() {
  const calls: { what: string; subject: PrivacySubject; by: PrivacyRequester }[] = [];
  const check = (subject: PrivacySubject) => {
    if ('ip' in subject) canonicalAddress(subject.ip);
    else if (subject.user === 'ghost') throw new PrivacyError('unknown-user', 'there is no user "ghost"');
    else if (subject.user === 'root')
      throw new PrivacyError('last-admin', '"root" is the last enabled admin');
  };
  const control: PrivacyControl = {
    async exportSubject(subject, by) {
      check(subject);
      calls.push({ what: 'export', subject, by });
      return {
        subject: { user: 'carol', id: 'u3' },
        generated: new Date(0).toISOString(),
        account: {} as never,
        apiKeys: { items: [], complete: true },
        audit: { items: [], complete: true },
        notes: [],
      };
    },
    async eraseSubject(subject, by): Promise<ErasureReport> {
      check(subject);
      calls.push({ what: 'erase', subject, by });
      return { subject: 'ip', counts: { events: 3 }, target: 'ip:0123456789abcdef', notes: ['kept'] };
    },
  };
  return { control, calls };
}

describe('privacy routes', () => {
  const { control, calls } = recordingControl();
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const principal = (role: Role): Principal => ({
      kind: 'user',
      id: role,
      name: role,
      role,
      scopes: [],
      mfa: true,
    });
    const handle = createRouter(
      privacyRoutes(control),
      async (req) => principal((req.headers['x-role'] as Role | undefined) ?? 'admin'),
      (p, permission) => can(p.role, permission, p.scopes),
      () => {},
    );
    server = createServer(handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = async (path: string, body: unknown, role: Role = 'admin') => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-role': role },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  it('erases for an admin and answers with the counts, recording who asked', async () => {
    const res = await post('/api/privacy/erase', { ip: '203.0.113.7' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ counts: { events: 3 }, target: 'ip:0123456789abcdef', notes: ['kept'] });
    expect(calls.at(-1)).toEqual({
      what: 'erase',
      subject: { ip: '203.0.113.7' },
      by: { actor: 'user:admin', ip: '127.0.0.1' },
    });
  });

  it('exports a user', async () => {
    const res = await post('/api/privacy/export', { user: 'carol' });
    expect(res.status).toBe(200);
    expect(res.json.subject).toEqual({ user: 'carol', id: 'u3' });
    expect(calls.at(-1)?.subject).toEqual({ user: 'carol' });
  });

  it('is for admins only', async () => {
    const before = calls.length;
    for (const role of ['viewer', 'analyst', 'operator'] as const) {
      expect((await post('/api/privacy/erase', { ip: '203.0.113.7' }, role)).status).toBe(403);
      expect((await post('/api/privacy/export', { ip: '203.0.113.7' }, role)).status).toBe(403);
    }
    expect(calls.length).toBe(before);
  });

  it('wants exactly one subject', async () => {
    for (const body of [{}, { ip: '203.0.113.7', user: 'carol' }, { ip: '' }, { address: '203.0.113.7' }]) {
      const res = await post('/api/privacy/erase', body);
      expect(res.status).toBe(400);
    }
    const both = await post('/api/privacy/erase', { ip: '203.0.113.7', user: 'carol' });
    expect(JSON.stringify(both.json.problems)).toContain('exactly one of ip');
  });

  it('turns refusals into answers the caller can act on', async () => {
    const bad = await post('/api/privacy/erase', { ip: '203.0.113' });
    expect(bad).toMatchObject({
      status: 400,
      json: { error: expect.stringContaining('not an IPv4 or IPv6') },
    });
    expect((await post('/api/privacy/export', { user: 'ghost' })).status).toBe(404);
    const last = await post('/api/privacy/erase', { user: 'root' });
    expect(last).toMatchObject({
      status: 409,
      json: { error: expect.stringContaining('last enabled admin') },
    });
  });
});
