import type { Me } from '../api/account-types';

/** The name change requests and votes give the signed-in person: `user:<name>` or `apikey:<id>`. */
export function actorOf(me: Me): string {
  return me.kind === 'user' ? `user:${me.name}` : `apikey:${me.id}`;
}

/** Approvals given and needed: `1/2`, or `policy` when none were needed. */
export function approvalCount(change: {
  readonly approvals: readonly unknown[];
  readonly approvalsNeeded: number;
}): string {
  return change.approvalsNeeded === 0 ? 'policy' : `${change.approvals.length}/${change.approvalsNeeded}`;
}
