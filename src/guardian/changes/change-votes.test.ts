import { describe, expect, it } from 'vitest';
import type { ChangeRequest } from '../../core/index.js';
import { voteRefusal, withApproval } from './change-votes.js';

const request: ChangeRequest = {
  id: 'c1',
  kind: 'config',
  status: 'pending',
  impact: 'high',
  summary: 'apply a configuration',
  reasons: [],
  requester: 'user:alice',
  comment: '',
  created: 0,
  expires: 1000,
  approvalsNeeded: 2,
  approvals: [],
  rejection: null,
  preview: null,
  diff: '',
  payload: 'sealed',
  result: null,
  decided: null,
};

describe('change votes', () => {
  it('refuses the requester, a second approval by the same person, and a decided or expired request', () => {
    expect(voteRefusal(request, 'user:alice', 10)).toBe('own-request');
    expect(voteRefusal(request, 'user:alice', 10, 'reject')).toBeUndefined();
    expect(voteRefusal(request, 'user:bob', 10)).toBeUndefined();
    const once = withApproval(request, { actor: 'user:bob', time: 10, comment: '' });
    expect(once.ready).toBe(false);
    expect(voteRefusal(once.request, 'user:bob', 11)).toBe('already-approved');
    expect(withApproval(once.request, { actor: 'user:carol', time: 12, comment: '' }).ready).toBe(true);
    expect(voteRefusal({ ...request, status: 'applied' }, 'user:bob', 10)).toBe('not-pending');
    expect(voteRefusal(request, 'user:bob', 1000)).toBe('expired');
  });
});
