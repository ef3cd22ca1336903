import { describe, expect, it } from 'vitest';
import type { AttackReport } from './attack-report-schema.js';
import { formatAttackHtml } from './format-attack-html.js';
import { formatAttackTable } from './format-attack-table.js';
import { emptyCounts } from './outcome.js';

const PAYLOAD = `"><script>alert('x')</script><img src=x onerror=alert(1)>`;

const report: AttackReport = {
  format: 'infinisec-attack-report/1',
  target: 'http://127.0.0.1:8080',
  startedAt: '2026-01-02T03:04:05.000Z',
  durationMs: 2500,
  seed: 1,
  clients: 'distinct',
  spread: false,
  limits: { maxRequests: 2000, maxSeconds: 120 },
  totals: { requests: 50, outcomes: { ...emptyCounts(), trapped: 38, rateLimited: 2, passed: 10 } },
  score: 62,
  baseline: { startedAt: '2026-01-01T00:00:00.000Z', target: 'http://127.0.0.1:8080', score: 70, delta: -8 },
  scenarios: [
    {
      name: 'xss',
      kind: 'payload',
      summary: 'cross-site scripting',
      expect: 'answer',
      requests: 40,
      outcomes: { ...emptyCounts(), trapped: 38, passed: 2 },
      answered: 38,
      grace: 0,
      firstAnswer: 1,
      latencyMs: { p50: 3.2, p99: 41 },
      verdict: 'answered',
      score: 95,
      delta: -5,
      truncated: false,
      durationMs: 800,
      samples: [{ request: `GET /search?q=${PAYLOAD}`, outcome: 'passed', status: 200 }],
    },
    {
      name: 'flood',
      kind: 'behaviour',
      summary: 'a burst',
      expect: 'answer',
      requests: 10,
      outcomes: { ...emptyCounts(), rateLimited: 2, passed: 8 },
      answered: 2,
      grace: 100,
      firstAnswer: 9,
      latencyMs: { p50: null, p99: null },
      verdict: 'passed-through',
      score: 29,
      delta: null,
      truncated: true,
      durationMs: 100,
      samples: [],
    },
  ],
};

describe('formatAttackTable', () => {
  it('has a row per scenario with its counts, latency, verdict and score change, then the resilience score', () => {
    const text = formatAttackTable(report);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(
      /^scenario\s+requests\s+blocked\s+challenged\s+trapped\s+rate-limited\s+timeout\s+error\s+passed\s+p50 ms\s+p99 ms\s+verdict\s+score$/,
    );
    expect(lines[1]).toMatch(/^xss\s+40\s+0\s+0\s+38\s+0\s+0\s+0\s+2\s+3\.2\s+41\s+answered\s+95 \(-5\)$/);
    expect(lines[2]).toMatch(/^flood\s+10\*\s+0\s+0\s+0\s+2\s+0\s+0\s+8\s+-\s+-\s+passed-through\s+29$/);
    expect(text).toContain('resilience score 62/100 (-8 since 2026-01-01T00:00:00.000Z)');
    expect(text).toContain('passed through: flood');
    expect(text).toContain('* stopped by the request or time budget: flood');
  });
});

describe('formatAttackHtml', () => {
  it('is one self-contained page that shows the payloads as text, never as markup', () => {
    const html = formatAttackHtml(report);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    // Nothing is fetched from elsewhere: no script, stylesheet or image from any address.
    expect(html).not.toMatch(/<[a-z][^>]*\s(?:src|href)=/i);
    expect(html).toContain('<span class="score">62</span>/100');
    expect(html).toContain('-8 since 2026-01-01T00:00:00.000Z');
    expect((html.match(/<tr>/g) ?? []).length).toBe(3);
  });
});
