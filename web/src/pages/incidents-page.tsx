import { useCallback, useState } from 'react';
import type { Incident } from '../api/defence-types';
import { listIncidents } from '../api/incidents-api';
import { AskEvents } from '../components/ask-events';
import { AsyncView } from '../components/async-view';
import { BrainStatus } from '../components/brain-status';
import { IncidentTable } from '../components/incident-table';
import { PageHeader } from '../components/page-header';
import { SelectField } from '../components/select-field';
import { useApiData } from '../hooks/use-api-data';

const REFRESH_MS = 10_000;

/** Incidents: events grouped into one story each, most recent first. */
export function IncidentsPage() {
  const [status, setStatus] = useState<'' | Incident['status']>('');
  const load = useCallback(() => listIncidents(status || undefined), [status]);
  const incidents = useApiData(load, REFRESH_MS);
  return (
    <section>
      <PageHeader title="Incidents">
        <SelectField
          label="Status"
          value={status}
          onChange={setStatus}
          options={[
            ['', 'All'],
            ['open', 'Open'],
            ['contained', 'Contained'],
            ['resolved', 'Resolved'],
          ]}
        />
      </PageHeader>
      <BrainStatus />
      <AskEvents />
      <AsyncView
        source={incidents}
        isEmpty={(list) => list.length === 0}
        empty={status ? `No ${status} incidents.` : 'No incidents yet.'}
      >
        {(list) => <IncidentTable incidents={list} />}
      </AsyncView>
    </section>
  );
}
