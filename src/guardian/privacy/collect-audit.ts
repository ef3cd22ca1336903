import type { AuditEntry } from '../../core/index.js';
import type { AuditStore } from '../../store/audit-store.js';
import type { ExportSection } from './privacy-types.js';

const PAGE = 1000;

/** The audit entries that `matches` keeps, oldest first, at most `max`; walks the whole log page by page. */
export async function collectAudit(
  store: AuditStore,
  matches: (entry: AuditEntry) => boolean,
  max: number,
): Promise<ExportSection<AuditEntry>> {
  const items: AuditEntry[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = await store.list({ afterSeq, limit: PAGE });
    for (const entry of page) {
      if (!matches(entry)) continue;
      if (items.length === max)
        return { items, complete: false, note: `only the first ${max} matching entries are here` };
      items.push(entry);
    }
    if (page.length < PAGE) return { items, complete: true };
    afterSeq = page.at(-1)!.seq;
  }
}
