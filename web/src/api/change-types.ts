// The API's own types, shared with the server so the two cannot drift apart.

export {
  CHANGE_STATUSES,
  type ChangeImpact,
  type ChangeKind,
  type ChangeRequest,
  type ChangeStatus,
  type ChangeVote,
  type ImpactExample,
  type ImpactPreview,
  type VerdictShift,
} from '../../../src/core/change-request.js';

import type { ChangeRequest } from '../../../src/core/change-request.js';

/** A change request as the API shows it: everything but its sealed payload. */
export type ChangeView = Omit<ChangeRequest, 'payload'>;
