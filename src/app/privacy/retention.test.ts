import { describe, expect, it } from 'vitest';
import { type Config, validateConfig } from '../../config/index.js';
import type { Log } from '../../core/index.js';
import { type RetentionStores, startRetention } from './retention.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2024, 5, 1);

function configWith(input: unknown): Config {
  const result = validateConfig(input);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

/** Stores that record each prune and trim, and hand back a fixed count (or fail, for `failing`). */
function recordingStores(failing?: keyof RetentionStores) {
  const calls: string[] = [];
  const pruner = (kind: keyof RetentionStores, removed: number) => ({
    async prune(before: number) {
      if (kind === failing) throw new Error(`${kind} store is down`);
      calls.push(`${kind}.prune ${(NOW - before) / DAY}d`);
      return removed;
    },
  });
  const stores = {
    samples: {
      ...pruner('samples', 3),
      async trim(max: number) {
        calls.push(`samples.trim ${max}`);
        return 2;
      },
    },
    incidents: pruner('incidents', 1),
    intruders: pruner('intruders', 4),
    changes: pruner('changes', 0),
  } as unknown as RetentionStores;
  return { stores, calls };
}

function recordingLog() {
  const lines: { level: string; fields: object; message: string }[] = [];
  const at =
    (level: string) =>
    (fields: object, message: string): void => {
      lines.push({ level, fields, message });
    };
  const log: Log = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
  return { log, lines };
}

describe('startRetention', () => {
  const config = configWith({
    guardian: { samples: { max: 500 } },
    privacy: { retentionDays: { samples: 2, incidents: 30, intruders: 7, changes: 100 } },
  });

  it('prunes each kind by its own retention and trims the samples', async () => {
    const { stores, calls } = recordingStores();
    const { log, lines } = recordingLog();
    const retention = startRetention(stores, config, log, { clock: () => NOW, firstMs: 3_600_000 });
    try {
      expect(await retention.runOnce()).toEqual({ samples: 5, incidents: 1, intruders: 4, changes: 0 });
    } finally {
      retention.stop();
    }
    expect(calls).toEqual([
      'samples.prune 2d',
      'samples.trim 500',
      'incidents.prune 30d',
      'intruders.prune 7d',
      'changes.prune 100d',
    ]);
    expect(lines.filter((l) => l.level === 'info')).toHaveLength(1);
  });

  it('logs a kind that fails and still prunes the others, never rejecting', async () => {
    const { stores, calls } = recordingStores('incidents');
    const { log, lines } = recordingLog();
    const retention = startRetention(stores, () => config, log, { clock: () => NOW, firstMs: 3_600_000 });
    try {
      expect(await retention.runOnce()).toEqual({ samples: 5, intruders: 4, changes: 0 });
    } finally {
      retention.stop();
    }
    expect(calls).toContain('changes.prune 100d');
    const warning = lines.find((l) => l.level === 'warn');
    expect(warning?.fields).toMatchObject({ kind: 'incidents' });
  });

  it('reads the configuration at each run, so a reload applies', async () => {
    const { stores, calls } = recordingStores();
    let current = config;
    const { log } = recordingLog();
    const retention = startRetention(stores, () => current, log, { clock: () => NOW, firstMs: 3_600_000 });
    try {
      await retention.runOnce();
      current = configWith({ privacy: { retentionDays: { samples: 1 } } });
      await retention.runOnce();
    } finally {
      retention.stop();
    }
    expect(calls.filter((c) => c.startsWith('samples.prune'))).toEqual([
      'samples.prune 2d',
      'samples.prune 1d',
    ]);
  });

  it('runs once shortly after start on its own', async () => {
    const { stores, calls } = recordingStores();
    const { log } = recordingLog();
    const retention = startRetention(stores, config, log, { clock: () => NOW, firstMs: 1 });
    try {
      for (let i = 0; i < 200 && calls.length < 5; i++) await new Promise((r) => setTimeout(r, 10));
    } finally {
      retention.stop();
    }
    expect(calls).toHaveLength(5);
  });
});
