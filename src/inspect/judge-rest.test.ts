import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/index.js';
import { createDefaultInspector } from './default-inspector.js';
import { toRequestView } from './extract/case-request.js';
import { DEFAULT_EXTRACT_LIMITS } from './extract/extract-limits.js';
import type { JudgePolicy } from './judge.js';
import { createRestJudge } from './judge-rest.js';

const inspector = createDefaultInspector({ limits: DEFAULT_EXTRACT_LIMITS });
const POLICY: JudgePolicy = {
  sensitivity: 'balanced',
  mode: 'block',
  overLimit: 'inspect-stream',
  overBudget: 'findings-so-far',
};
const FORM: [string, string] = ['content-type', 'application/x-www-form-urlencoded'];
const view = toRequestView({ target: '/post', headers: [FORM], body: `comment=${'A'.repeat(70_000)}` });
const bytes = (text: string) => new TextEncoder().encode(text);

function judge(options: {
  policy?: JudgePolicy;
  budgetMs?: number;
  prefixFindings?: Finding[];
  now?: () => number;
}) {
  return createRestJudge(inspector, view, {
    policy: options.policy ?? POLICY,
    options: {},
    prefixFindings: options.prefixFindings ?? [],
    budgetMs: options.budgetMs ?? 1000,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}

describe('createRestJudge', () => {
  it('blocks on the window where the padded field ends in an attack', () => {
    const rest = judge({});
    expect(rest.next(bytes('A'.repeat(65_536)), false).verdict).toBeUndefined();
    const end = rest.next(bytes(encodeURIComponent("' union select password from users--")), true);
    expect(end.verdict?.action).toBe('block');
    expect(end.verdict?.findings.some((f) => f.location === 'body.form.comment')).toBe(true);
  });

  it('lets a benign rest pass with no verdict', () => {
    const rest = judge({});
    expect(
      rest.next(bytes(`&note=${encodeURIComponent('See the union of both lists.')}`), true).verdict,
    ).toBeUndefined();
  });

  it('reads what a body itself shows in its rest: a broken escape in a form, an escaped letter', () => {
    const rules = (text: string) =>
      inspector
        .inspectRest(view)(bytes(text), true)
        .findings.map((f) => f.rule);
    expect(rules('&x=new+%w20$')).toContain('protocol/invalid-percent');
    expect(rules('&testarg=%5Cu0061lert')).toContain('protocol/unicode-escape');
    // Only the body: the request line and headers were read with the prefix, and are not found again.
    expect(rules('&x=1')).toEqual([]);
  });

  it('does not take an escape cut at a window edge for a broken one', () => {
    const next = inspector.inspectRest(view);
    expect(next(bytes(`&q=${'a'.repeat(100)}%2`), false).findings).toEqual([]);
    expect(next(bytes('Fb&r=2'), true).findings).toEqual([]);
  });

  it('judges a window with what the prefix found', () => {
    const weak: Finding = {
      analyzer: 'xss',
      rule: 'xss/test',
      confidence: 0.5,
      location: 'query.q',
      evidence: '',
      transforms: [],
    };
    const verdict = judge({ prefixFindings: [weak] }).next(bytes('&x=1'), true).verdict;
    expect(verdict).toBeUndefined();
    const found = judge({ prefixFindings: [weak] }).next(
      bytes('&q=%3Cscript%3Ealert(1)%3C%2Fscript%3E'),
      true,
    );
    expect(found.verdict?.findings[0]).toBe(weak);
  });

  it('stops once the shared budget is spent, and blocks then only under overBudget: block', () => {
    let clock = 0;
    const now = () => (clock += 10);
    const lenient = judge({ budgetMs: 15, now });
    expect(lenient.next(bytes('&a=1'), false)).toEqual({ verdict: undefined, overBudget: false });
    const spent = lenient.next(bytes('&b=2'), false);
    expect(spent.overBudget).toBe(true);
    expect(spent.verdict).toBeUndefined();
    // Nothing after is read: not even an attack.
    expect(lenient.next(bytes('&q=%27+union+select+1--'), true).verdict).toBeUndefined();

    const strict = judge({ budgetMs: 15, now, policy: { ...POLICY, overBudget: 'block' } });
    strict.next(bytes('&a=1'), false);
    expect(strict.next(bytes('&b=2'), false).verdict?.reason).toBe('limit/inspect-budget');
  });
});
