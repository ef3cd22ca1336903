import type { ChangeRequest, ChangeVote } from '../../core/index.js';

/** Why a vote on a change request is refused. */
export type VoteRefusal = 'not-pending' | 'own-request' | 'already-approved' | 'expired';

/**
 * Whether `actor` may approve (or reject) the request now; undefined when it may. A requester may not approve
 * their own request, but may withdraw it by rejecting it.
 */
export function voteRefusal(
  request: ChangeRequest,
  actor: string,
  now: number,
  vote: 'approve' | 'reject' = 'approve',
): VoteRefusal | undefined {
  if (request.status !== 'pending') return 'not-pending';
  if (request.expires <= now) return 'expired';
  if (vote === 'reject') return undefined;
  if (request.requester === actor) return 'own-request';
  if (request.approvals.some((vote) => vote.actor === actor)) return 'already-approved';
  return undefined;
}

/** The request with one more approval; `ready` when it has all it needs. */
export function withApproval(
  request: ChangeRequest,
  vote: ChangeVote,
): { request: ChangeRequest; ready: boolean } {
  const approvals = [...request.approvals, vote];
  return { request: { ...request, approvals }, ready: approvals.length >= request.approvalsNeeded };
}

/** What a refusal means, for a person. */
export const VOTE_REFUSALS: Readonly<Record<VoteRefusal, string>> = {
  'not-pending': 'this change request is no longer pending',
  'own-request': 'a change request cannot be approved by its requester',
  'already-approved': 'you have already approved this change request',
  expired: 'this change request has expired',
};
