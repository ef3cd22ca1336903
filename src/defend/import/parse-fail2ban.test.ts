import { describe, expect, it } from 'vitest';
import { FAIL2BAN_TWO_JAILS } from './import-samples.testing.js';
import { parseDecisionImport } from './parse-decision-import.js';

const defaults = { reason: 'fail2ban', durationMs: 600_000 };

describe('fail2ban import', () => {
  it('reads the banned list of each jail, naming the jail in the reason', () => {
    const { decisions, problems } = parseDecisionImport(FAIL2BAN_TWO_JAILS, 'fail2ban', defaults);
    expect(decisions).toEqual([
      { scope: 'ip', value: '203.0.113.7', durationMs: 600_000, reason: 'fail2ban/sshd' },
      { scope: 'ip', value: '198.51.100.23', durationMs: 600_000, reason: 'fail2ban/sshd' },
      { scope: 'ip', value: '2001:db8::bad', durationMs: 600_000, reason: 'fail2ban/sshd' },
      { scope: 'ip', value: '192.0.2.44', durationMs: 600_000, reason: 'fail2ban/nginx-botsearch' },
    ]);
    expect(problems).toEqual(['line 18: not an address or CIDR range: not-an-ip']);
  });

  it('uses the default reason when no jail is named, and accepts an empty list', () => {
    const text = '`- Banned IP list:\t192.0.2.1\n`- Banned IP list:';
    expect(parseDecisionImport(text, 'fail2ban', defaults)).toEqual({
      decisions: [{ scope: 'ip', value: '192.0.2.1', durationMs: 600_000, reason: 'fail2ban' }],
      problems: [],
    });
  });

  it('says so when the text holds no banned list', () => {
    const text = 'Status\n|- Number of jail:\t2\n`- Jail list:\tsshd, nginx-botsearch';
    expect(parseDecisionImport(text, 'fail2ban', defaults)).toEqual({
      decisions: [],
      problems: ["no 'Banned IP list' line found"],
    });
  });
});
