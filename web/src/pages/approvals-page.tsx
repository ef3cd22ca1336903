import { useCallback, useState } from 'react';
import { CHANGE_STATUSES, type ChangeStatus, type ChangeView } from '../api/change-types';
import { listChanges } from '../api/changes-api';
import { AsyncView } from '../components/async-view';
import { ChangeTable } from '../components/change-table';
import { PageHeader } from '../components/page-header';
import { SelectField } from '../components/select-field';
import { useApiData } from '../hooks/use-api-data';

const REFRESH_MS = 10_000;
const RECENT = 50;

/** Every pending request (however old), then the most recent others, each once, newest first in each group. */
async function pendingThenRecent(): Promise<ChangeView[]> {
  const [pending, recent] = await Promise.all([
    listChanges({ status: 'pending', limit: 500 }),
    listChanges({ limit: RECENT }),
  ]);
  return [...pending, ...recent.filter((c) => c.status !== 'pending')];
}

/** Change requests: the pending ones waiting for a decision first, then those decided lately. */
export function ApprovalsPage() {
  const [status, setStatus] = useState<'' | ChangeStatus>('');
  const load = useCallback(
    () => (status === '' ? pendingThenRecent() : listChanges({ status, limit: 200 })),
    [status],
  );
  const changes = useApiData(load, REFRESH_MS);
  return (
    <section>
      <PageHeader title="Approvals">
        <SelectField
          label="Status"
          value={status}
          onChange={setStatus}
          options={[['', 'Pending, then recent'], ...CHANGE_STATUSES.map((s) => [s, s] as const)]}
        />
      </PageHeader>
      <p className="muted">
        Risky changes (configuration, exclusions, rollbacks, broad decisions) are previewed against recent
        traffic; those with a high impact wait here until someone other than their requester approves them.
      </p>
      <AsyncView
        source={changes}
        isEmpty={(list) => list.length === 0}
        empty={status ? `No ${status} change requests.` : 'No change requests yet.'}
      >
        {(list) => <ChangeTable changes={list} now={Date.now()} />}
      </AsyncView>
    </section>
  );
}
