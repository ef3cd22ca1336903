import { useCallback } from 'react';
import { listEvents } from '../api/events-api';
import { useApiData } from '../hooks/use-api-data';
import { AsyncView } from './async-view';
import { EventTable } from './event-table';

/** The latest requests of one client. */
export function ClientHistory({ ip }: { readonly ip: string }) {
  const load = useCallback(() => listEvents({ client: ip, limit: 50 }), [ip]);
  const history = useApiData(load);
  return (
    <AsyncView source={history} isEmpty={(page) => page.events.length === 0} empty={`No events from ${ip}.`}>
      {(page) => <EventTable events={page.events} label={`Events from ${ip}`} />}
    </AsyncView>
  );
}
