import { describe, expect, it } from 'vitest';
import { anEntry } from '../compliance-fixtures.testing.js';
import { backupEvidence } from './backup-evidence.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2024, 4, 10);

describe('backupEvidence', () => {
  it('fails when no backup is recorded', () => {
    const evidence = backupEvidence({ lastSuccess: undefined, lastAttempt: undefined }, NOW);
    expect(evidence.status).toBe('fail');
    expect(evidence.finding).toContain('backup.create');
  });

  it('passes for a backup within seven days, naming when and where', () => {
    const entry = anEntry(4, { time: NOW - 2 * DAY });
    const evidence = backupEvidence({ lastSuccess: entry, lastAttempt: entry }, NOW);
    expect(evidence.status).toBe('pass');
    expect(evidence.details).toContainEqual({
      label: 'last backup',
      value: '2024-05-08 00:00:00 UTC (2 days ago)',
    });
    expect(evidence.details).toContainEqual({ label: 'written to', value: '/backups/infinisec.db' });
  });

  it('warns when the last backup is older than seven days', () => {
    const entry = anEntry(4, { time: NOW - 8 * DAY });
    const evidence = backupEvidence({ lastSuccess: entry, lastAttempt: entry }, NOW);
    expect(evidence.status).toBe('warn');
    expect(evidence.finding).toContain('8 days old');
  });

  it('warns when an attempt failed after the last good backup', () => {
    const good = anEntry(4, { time: NOW - DAY });
    const failed = anEntry(9, { time: NOW - 1000, outcome: 'failure' });
    expect(backupEvidence({ lastSuccess: good, lastAttempt: failed }, NOW).status).toBe('warn');
  });
});
