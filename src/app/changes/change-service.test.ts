import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Config, loadConfigText } from '../../config/index.js';
import type { ConfigControl, DecisionControl } from '../../control/index.js';
import { type Decision, SILENT_LOG } from '../../core/index.js';
import { createAuditLog, createSecretBox } from '../../guardian/index.js';
import {
  createMemoryAuditStore,
  createMemoryChangeRequestStore,
  createMemoryConfigVersionStore,
  createMemoryRequestSampleStore,
} from '../../store/index.js';
import { makeTempDirForStore as makeTempDir } from '../../store/sqlite/temp-dir.testing.js';
import { createChangeService } from './change-service.js';

const SITE = 'sites:\n  - name: shop\n    hosts: ["*"]\n    upstream: { targets: ["http://127.0.0.1:9"] }\n';
const APPROVALS = 'guardian: { approvals: { enabled: true, approvers: 2, expireHours: 1 } }\n';

function setup(yaml = APPROVALS) {
  const dir = makeTempDir();
  const file = join(dir.path, 'infinisec.yaml');
  const text = `${SITE}${yaml}`;
  writeFileSync(file, text);
  let config: Config = loadConfigText(text, 'test');
  let now = 1_000_000;
  const applied: string[] = [];
  const decisions: Decision[] = [];
  const configControl: ConfigControl = {
    current: () => ({ version: applied.length + 1, source: '' }),
    validate: async () => ({ ok: true, version: 1 }),
    async apply(next) {
      applied.push(next);
      config = loadConfigText(next, 'applied');
      return { ok: true, version: applied.length + 1 };
    },
    exclusions: () => config.inspect.exclusions,
    addExclusion: async () => ({ ok: false, problems: ['unused'] }),
  };
  const decisionControl: DecisionControl = {
    list: () => decisions,
    async add(input, createdBy) {
      const decision: Decision = {
        id: `d${decisions.length}`,
        ...input,
        source: 'manual',
        created: now,
        createdBy,
      };
      decisions.push(decision);
      return decision;
    },
    remove: async () => false,
    importList: async () => ({ added: [], problems: [] }),
  };
  const audit = createMemoryAuditStore();
  const service = createChangeService({
    store: createMemoryChangeRequestStore(),
    samples: createMemoryRequestSampleStore({ max: 100 }),
    versions: createMemoryConfigVersionStore(),
    box: createSecretBox(randomBytes(32)),
    audit: createAuditLog(audit),
    log: SILENT_LOG,
    config: () => config,
    file,
    loadOptions: { env: {} },
    configControl,
    decisions: decisionControl,
    clock: () => now,
  });
  return {
    service,
    applied,
    decisions,
    audit,
    dir,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('change service', () => {
  it('applies a low-impact change at once and records it as approved by policy', async () => {
    const t = setup();
    cleanup = t.dir.remove;
    const change = await t.service.propose(
      { kind: 'config', text: `${SITE}${APPROVALS}logging: { level: warn }\n` },
      'user:alice',
      'quieter logs',
      '',
    );
    expect(change).toMatchObject({
      status: 'applied',
      impact: 'low',
      approvalsNeeded: 0,
      result: { version: 2 },
    });
    expect(t.applied).toHaveLength(1);
  });

  it('waits for two approvers who are not the requester, then applies', async () => {
    const t = setup();
    cleanup = t.dir.remove;
    const change = await t.service.propose(
      { kind: 'exclusion', exclusion: { analyzer: 'sqli', path: '/search' } },
      'user:alice',
      '',
      '',
    );
    expect(change).toMatchObject({ status: 'pending', impact: 'high', approvalsNeeded: 2 });
    expect(change.reasons).toContain('silences analyzer sqli on every site, paths under /search');
    await expect(t.service.approve(change.id, 'user:alice', '', '')).rejects.toMatchObject({ status: 403 });
    expect((await t.service.approve(change.id, 'user:bob', '', '')).status).toBe('pending');
    await expect(t.service.approve(change.id, 'user:bob', '', '')).rejects.toMatchObject({ status: 409 });
    const done = await t.service.approve(change.id, 'user:carol', '', '');
    expect(done.status).toBe('applied');
    expect(t.applied[0]).toContain('analyzer: sqli');
  });

  it('expires a pending request past its time, and refuses votes on it after', async () => {
    const t = setup();
    cleanup = t.dir.remove;
    const change = await t.service.propose(
      {
        kind: 'decision',
        decision: { scope: 'cidr', value: '10.0.0.0/8', action: 'block', reason: 'r', expires: null },
      },
      'agent:brain.responder',
      '',
      '',
    );
    expect(change).toMatchObject({ status: 'pending', impact: 'high' });
    expect(await t.service.expireDue()).toBe(0);
    t.advance(3_600_001);
    expect(await t.service.expireDue()).toBe(1);
    expect((await t.service.get(change.id))?.status).toBe('expired');
    await expect(t.service.approve(change.id, 'user:bob', '', '')).rejects.toMatchObject({ status: 409 });
    expect(t.decisions).toEqual([]);
    const actions = (await t.audit.list({ limit: 50 })).map((e) => e.action);
    expect(actions).toEqual(['change.request', 'change.expire']);
  });

  it('refuses an invalid configuration with its problems and records nothing', async () => {
    const t = setup();
    cleanup = t.dir.remove;
    await expect(
      t.service.propose({ kind: 'config', text: 'server: { nope: 1 }' }, 'user:alice', '', ''),
    ).rejects.toMatchObject({
      status: 422,
      problems: expect.arrayContaining([expect.stringContaining('nope')]),
    });
    expect(await t.service.list({})).toEqual([]);
  });

  it('applies everything at once when approvals are off, and says so', async () => {
    const t = setup('');
    cleanup = t.dir.remove;
    const change = await t.service.propose(
      { kind: 'config', text: `${SITE}inspect: { mode: detect }\n` },
      'user:alice',
      '',
      '',
    );
    expect(change).toMatchObject({ status: 'applied', impact: 'high' });
    expect(change.reasons).toContain('approvals are off: applied at once');
  });
});
