import { deleteDecision, listDecisions } from '../api/decisions-api';
import { useAuth } from '../auth/auth-context';
import { Allowed } from '../components/allowed';
import { AsyncView } from '../components/async-view';
import { DecisionForm } from '../components/decision-form';
import { DecisionImportForm } from '../components/decision-import-form';
import { DecisionTable } from '../components/decision-table';
import { ErrorNotice } from '../components/error-notice';
import { PageHeader } from '../components/page-header';
import { useAction } from '../hooks/use-action';
import { useApiData } from '../hooks/use-api-data';

const REFRESH_MS = 10_000;

/** Standing decisions (bans, allow-list entries): list, add, delete, import. */
export function DecisionsPage() {
  const auth = useAuth();
  const decisions = useApiData(listDecisions, REFRESH_MS);
  const remove = useAction(deleteDecision);
  const onDelete = async (id: string) => {
    if (await remove.run(id)) decisions.reload();
  };
  return (
    <section>
      <PageHeader title="Decisions" />
      {remove.error ? <ErrorNotice error={remove.error} /> : null}
      <AsyncView
        source={decisions}
        isEmpty={(list) => list.length === 0}
        empty="No decision in force: every client is judged by its requests alone."
      >
        {(list) => (
          <DecisionTable
            decisions={list}
            busy={remove.busy}
            {...(auth.can('decisions:write') ? { onDelete: (d) => void onDelete(d.id) } : {})}
          />
        )}
      </AsyncView>
      <Allowed permission="decisions:write">
        <div className="two-columns">
          <DecisionForm onAdded={decisions.reload} />
          <DecisionImportForm onImported={decisions.reload} />
        </div>
      </Allowed>
    </section>
  );
}
