import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/index.js';
import { compileExclusions } from './exclusions.js';
import { type Judged, type JudgePolicy, judgeInspection } from './judge.js';
import { scoreFindings } from './score.js';

const finding = (
  analyzer: string,
  confidence: number,
  location = 'query.q',
  rule = `${analyzer}/x`,
): Finding => ({
  analyzer,
  rule,
  confidence,
  location,
  evidence: '',
  transforms: [],
});
const inspection = (findings: Finding[], over: Partial<Judged> = {}): Judged => ({
  findings,
  overLimits: [],
  overBudget: false,
  ...over,
});
const policy = (over: Partial<JudgePolicy> = {}): JudgePolicy => ({
  sensitivity: 'balanced',
  mode: 'block',
  overLimit: 'inspect-prefix',
  overBudget: 'findings-so-far',
  ...over,
});

describe('scoreFindings', () => {
  it('counts the strongest finding per analyzer, and other analyzers at half', () => {
    expect(scoreFindings([])).toBe(0);
    expect(scoreFindings([finding('sqli', 0.6), finding('sqli', 0.6)])).toBe(0.6);
    expect(scoreFindings([finding('sqli', 0.6), finding('xss', 0.6), finding('scanner', 0.4)])).toBeCloseTo(
      1.1,
    );
  });
});

describe('judgeInspection', () => {
  it('blocks at the sensitivity threshold and names the strongest analyzer', () => {
    const v = judgeInspection(inspection([finding('xss', 0.3), finding('sqli', 0.95)]), policy());
    expect(v).toMatchObject({ action: 'block', reason: 'detector/sqli', publicReason: 'request blocked' });
    expect(v?.publicReason).not.toContain('sqli');
  });

  it('moves the threshold with the sensitivity', () => {
    const weak = inspection([finding('sqli', 0.75)]);
    expect(judgeInspection(weak, policy())).toMatchObject({
      action: 'allow',
      reason: 'detector/below-threshold',
    });
    expect(judgeInspection(weak, policy({ sensitivity: 'high' }))?.action).toBe('block');
    expect(judgeInspection(inspection([finding('sqli', 1)]), policy({ sensitivity: 'low' }))?.action).toBe(
      'allow',
    );
  });

  it('only logs in detect mode', () => {
    expect(judgeInspection(inspection([finding('sqli', 1)]), policy({ mode: 'detect' }))).toMatchObject({
      action: 'log',
      reason: 'detector/sqli',
      publicReason: '',
    });
  });

  it('applies the over-limit and over-budget policies', () => {
    const over = inspection([], { overLimits: ['body-bytes'] });
    expect(judgeInspection(over, policy())).toBeUndefined();
    expect(judgeInspection(over, policy({ overLimit: 'block' }))?.reason).toBe('limit/body-bytes');
    const loud = inspection([finding('sqli', 1)], { overLimits: ['args'] });
    expect(judgeInspection(loud, policy({ overLimit: 'allow' }))?.action).toBe('log');
    const slow = inspection([], { overBudget: true });
    expect(judgeInspection(slow, policy({ overBudget: 'block' }))?.reason).toBe('limit/inspect-budget');
    expect(judgeInspection(slow, policy())).toBeUndefined();
  });
});

describe('compileExclusions', () => {
  const filter = compileExclusions([
    { site: 'blog', path: '/posts/', location: 'body.json.content', analyzer: 'xss' },
    { location: 'header.x-trace*', rule: 'sqli/x' },
  ]);
  const findings = [finding('xss', 1, 'body.json.content'), finding('sqli', 1, 'header.x-trace-id')];

  it('silences only what is in scope', () => {
    expect(filter(findings, 'blog', '/posts/1')).toEqual([]);
    expect(filter(findings, 'shop', '/posts/1').map((f) => f.analyzer)).toEqual(['xss']);
    expect(filter(findings, 'blog', '/admin').map((f) => f.analyzer)).toEqual(['xss']);
    expect(filter([finding('xss', 1, 'body.json.title')], 'blog', '/posts/1')).toHaveLength(1);
  });
});
