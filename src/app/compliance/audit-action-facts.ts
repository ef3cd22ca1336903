import type { AuditEntry } from '../../core/index.js';
import type { AuditStore } from '../../store/index.js';

/** How often an action is in the audit log (and succeeded), its newest entry, and its newest success. */
export interface ActionFacts {
  readonly count: number;
  readonly successes: number;
  readonly last: AuditEntry | undefined;
  readonly lastSuccess: AuditEntry | undefined;
}

const PAGE = 1000;
// Pages read at most: a million entries of one action is far past any real log.
const MAX_PAGES = 1000;

/** Pages through the entries of one action, oldest first, keeping the newest. */
export async function auditActionFacts(store: AuditStore, action: string): Promise<ActionFacts> {
  let count = 0;
  let successes = 0;
  let last: AuditEntry | undefined;
  let lastSuccess: AuditEntry | undefined;
  let afterSeq = 0;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await store.list({ action, afterSeq, limit: PAGE });
    for (const entry of page) {
      count++;
      last = entry;
      if (entry.outcome === 'success') {
        successes++;
        lastSuccess = entry;
      }
    }
    if (page.length < PAGE) break;
    afterSeq = page.at(-1)!.seq;
  }
  return { count, successes, last, lastSuccess };
}
