import { listIntruders } from '../api/labyrinth-api';
import { AsyncView } from '../components/async-view';
import { IntruderDetail } from '../components/intruder-detail';
import { IntruderTable } from '../components/intruder-table';
import { PageHeader } from '../components/page-header';
import { useApiData } from '../hooks/use-api-data';

const REFRESH_MS = 10_000;

/** The intruders trapped in the labyrinth; a selected one shows the path it took. */
export function LabyrinthPage({ selected }: { readonly selected?: string }) {
  const sessions = useApiData(listIntruders, REFRESH_MS);
  return (
    <section>
      <PageHeader title="Labyrinth" />
      <AsyncView
        source={sessions}
        isEmpty={(list) => list.length === 0}
        empty="No intruder is in the labyrinth. Clients the detection engine would block are led here when the labyrinth is on."
      >
        {(list) => <IntruderTable sessions={list} {...(selected ? { selected } : {})} />}
      </AsyncView>
      {selected ? <IntruderDetail id={selected} /> : null}
    </section>
  );
}
