import { type FormEvent, useCallback, useState } from 'react';
import { listAudit } from '../api/audit-api';
import { useApiData } from '../hooks/use-api-data';
import { AsyncView } from './async-view';
import { AuditTable } from './audit-table';
import { TextField } from './text-field';

const PAGE = 100;

/** The audit entries, a page at a time by sequence number, newest first within a page; filter by actor and action. */
export function AuditLog({ startAfterSeq }: { readonly startAfterSeq: number }) {
  const [afterSeq, setAfterSeq] = useState(startAfterSeq);
  const [filter, setFilter] = useState({ actor: '', action: '' });
  const [draft, setDraft] = useState(filter);
  const load = useCallback(
    () =>
      listAudit({
        afterSeq,
        limit: PAGE,
        ...(filter.actor ? { actor: filter.actor } : {}),
        ...(filter.action ? { action: filter.action } : {}),
      }),
    [afterSeq, filter],
  );
  const entries = useApiData(load);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
    setAfterSeq(0);
  };

  return (
    <>
      <form className="filters" aria-label="Filter the audit log" onSubmit={apply}>
        <TextField
          label="Actor"
          value={draft.actor}
          onChange={(actor) => setDraft((d) => ({ ...d, actor }))}
          placeholder="user:alice"
        />
        <TextField
          label="Action"
          value={draft.action}
          onChange={(action) => setDraft((d) => ({ ...d, action }))}
          placeholder="auth.login"
        />
        <div className="filter-actions">
          <button type="submit" className="button-primary">
            Apply
          </button>
        </div>
      </form>
      <AsyncView source={entries} isEmpty={(list) => list.length === 0} empty="No audit entries here.">
        {(list) => <AuditTable entries={[...list].reverse()} />}
      </AsyncView>
      <div className="pager">
        <button
          type="button"
          className="button-small"
          disabled={afterSeq === 0}
          onClick={() => setAfterSeq(Math.max(0, afterSeq - PAGE))}
        >
          ← Older
        </button>
        <span className="muted">after entry {afterSeq}</span>
        <button
          type="button"
          className="button-small"
          disabled={(entries.data?.length ?? 0) < PAGE}
          onClick={() => setAfterSeq(entries.data?.at(-1)?.seq ?? afterSeq)}
        >
          Newer →
        </button>
      </div>
    </>
  );
}
