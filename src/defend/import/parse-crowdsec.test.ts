import { describe, expect, it } from 'vitest';
import { CROWDSEC_JSON, CROWDSEC_RAW } from './import-samples.testing.js';
import { parseDecisionImport } from './parse-decision-import.js';

const defaults = { reason: 'crowdsec', durationMs: null };

describe('crowdsec JSON import', () => {
  it('imports bans with their scenario and remaining time', () => {
    const { decisions, problems } = parseDecisionImport(CROWDSEC_JSON, 'crowdsec', defaults);
    expect(decisions).toEqual([
      { scope: 'ip', value: '203.0.113.7', durationMs: 14_390_100, reason: 'crowdsec/crowdsecurity/ssh-bf' },
      { scope: 'ip', value: '2001:db8::1', durationMs: 500, reason: 'crowdsec/crowdsecurity/http-probing' },
      {
        scope: 'cidr',
        value: '192.0.2.0/24',
        durationMs: 14_400_000,
        reason: 'crowdsec/manual ban from cscli',
      },
    ]);
    expect(problems).toEqual([
      'decision 2: type captcha skipped',
      'decision 5: already expired (-1m), skipped',
    ]);
  });

  it('accepts a bare array of decisions and null', () => {
    const text =
      '[{"value":"192.0.2.5","scope":"Ip","type":"ban","duration":"30s"},{"value":"x","type":"ban"}]';
    expect(parseDecisionImport(text, 'crowdsec', defaults)).toEqual({
      decisions: [{ scope: 'ip', value: '192.0.2.5', durationMs: 30_000, reason: 'crowdsec' }],
      problems: ['decision 2: not an address or CIDR range: x'],
    });
    expect(parseDecisionImport(' null\n', 'crowdsec', defaults)).toEqual({ decisions: [], problems: [] });
  });

  it('skips other scopes, simulated decisions and bad durations', () => {
    const text = JSON.stringify([
      { decisions: [{ value: 'FR', scope: 'Country', type: 'ban', duration: '1h' }] },
      { decisions: [{ value: '192.0.2.1', scope: 'Ip', type: 'ban', duration: '1h', simulated: true }] },
      { decisions: [{ value: '192.0.2.2', scope: 'Ip', type: 'ban', duration: '1 hour' }] },
      { decisions: null },
      { decisions: 'nope' },
      7,
    ]);
    expect(parseDecisionImport(text, 'crowdsec', defaults)).toEqual({
      decisions: [],
      problems: [
        'decision 1: scope Country skipped',
        'decision 2: simulated decision skipped',
        'decision 3: not a duration: 1 hour',
        "item 5: 'decisions' is not an array",
        'item 6: not an alert or decision object',
      ],
    });
  });

  it('reports malformed JSON once, without throwing', () => {
    const { decisions, problems } = parseDecisionImport('[{"decisions": [', 'crowdsec', defaults);
    expect(decisions).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^not valid JSON: /);
  });
});

describe('crowdsec raw CSV import', () => {
  it('imports bans, reading scope prefixes and quoted fields', () => {
    const { decisions, problems } = parseDecisionImport(CROWDSEC_RAW, 'crowdsec', defaults);
    expect(decisions).toEqual([
      { scope: 'ip', value: '203.0.113.7', durationMs: 14_340_000, reason: 'crowdsec/crowdsecurity/ssh-bf' },
      {
        scope: 'cidr',
        value: '192.0.2.0/24',
        durationMs: 14_400_000,
        reason: 'crowdsec/manual ban from cscli',
      },
      { scope: 'ip', value: '2001:db8::7', durationMs: 5_400_000, reason: 'crowdsec/crowdsecurity/http-cve' },
    ]);
    expect(problems).toEqual([
      'line 3: type captcha skipped',
      'line 6: scope Country skipped',
      'line 7: simulated decision skipped',
    ]);
  });

  it('accepts bare values', () => {
    const text =
      'id,source,ip,reason,action,country,as,events_count,expiration,simulated,alert_id\n1,cscli,2001:db8::9,,ban,,,1,1h,false,1';
    expect(parseDecisionImport(text, 'crowdsec', defaults).decisions).toEqual([
      { scope: 'ip', value: '2001:db8::9', durationMs: 3_600_000, reason: 'crowdsec' },
    ]);
  });

  it('refuses text without the cscli header', () => {
    expect(parseDecisionImport('1,crowdsec,Ip:192.0.2.1,x,ban', 'crowdsec', defaults)).toEqual({
      decisions: [],
      problems: ['line 1: not a cscli raw header (id,source,ip,…)'],
    });
  });
});
