import type { ChangeImpact, ChangeRequest, ChangeStatus, ImpactPreview } from '../core/index.js';
import type { DecisionInput, ExclusionInput } from './control-deps.js';

/** A change someone asks for. */
export type ChangeProposal =
  | { readonly kind: 'config'; readonly text: string }
  | { readonly kind: 'exclusion'; readonly exclusion: ExclusionInput }
  | { readonly kind: 'decision'; readonly decision: DecisionInput }
  | { readonly kind: 'rollback'; readonly version: number };

/** A proposal rated and previewed, before it is recorded. */
export interface ProposalPreview {
  readonly summary: string;
  readonly impact: ChangeImpact;
  readonly reasons: readonly string[];
  readonly preview: ImpactPreview;
  /** Unified diff of the configuration, secrets redacted; '' for a decision. */
  readonly diff: string;
}

/** A change request as the API shows it: everything but the sealed payload. */
export type ChangeView = Omit<ChangeRequest, 'payload'>;

/** Why a change or a vote was refused; `status` is the HTTP status that says so. */
export class ChangeRefusedError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 422,
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ChangeRefusedError';
  }
}

/** Change requests, as the control plane may see and act on them. */
export interface ChangeControl {
  /** Whether risky changes wait for approvals (`guardian.approvals.enabled`). */
  approvalsEnabled(): boolean;
  /** Whether a decision on this value is broad enough to need a change request. */
  isBroad(decision: DecisionInput): boolean;
  list(query: { readonly status?: ChangeStatus; readonly limit?: number }): Promise<ChangeView[]>;
  get(id: string): Promise<ChangeView | undefined>;
  /** Rates and previews a proposal without recording it; throws ChangeRefusedError for an invalid one. */
  preview(proposal: ChangeProposal): Promise<ProposalPreview>;
  /**
   * Records a change request and applies it at once when policy approves it (low impact, or approvals off);
   * throws ChangeRefusedError for an invalid proposal.
   */
  propose(proposal: ChangeProposal, requester: string, comment: string, ip: string): Promise<ChangeView>;
  /** Adds an approval; applies the change once it has all it needs. */
  approve(id: string, actor: string, comment: string, ip: string): Promise<ChangeView>;
  /** Rejects (or, for its requester, withdraws) a pending request. */
  reject(id: string, actor: string, comment: string, ip: string): Promise<ChangeView>;
}
