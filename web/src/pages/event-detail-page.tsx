import { useCallback, useState } from 'react';
import { ApiError } from '../api/api-error';
import type { Finding } from '../api/event-types';
import { getEvent } from '../api/events-api';
import { useAuth } from '../auth/auth-context';
import { ActionBadge } from '../components/action-badge';
import { BlockClient } from '../components/block-client';
import { ClientHistory } from '../components/client-history';
import { EmptyState } from '../components/empty-state';
import { ErrorNotice } from '../components/error-notice';
import { EventSummary } from '../components/event-summary';
import { ExclusionForm } from '../components/exclusion-form';
import { FindingTable } from '../components/finding-table';
import { LoadingState } from '../components/loading-state';
import { PageHeader } from '../components/page-header';
import { useLiveFeed } from '../feed/live-feed-context';
import { useApiData } from '../hooks/use-api-data';

/**
 * One event: its findings, request, verdict and the client's history; from here a client is blocked and a
 * false positive silenced.
 */
export function EventDetailPage({ id }: { readonly id: string }) {
  const auth = useAuth();
  const load = useCallback(() => getEvent(id), [id]);
  const fetched = useApiData(load);
  // A streamed event may not be written yet: show it from the feed meanwhile.
  const streamed = useLiveFeed().events.find((e) => e.id === id);
  const event = fetched.data ?? streamed;
  const [silencing, setSilencing] = useState<Finding | undefined>(undefined);

  if (event === undefined)
    return fetched.error ? (
      <ErrorNotice error={fetched.error} />
    ) : (
      <LoadingState label="Loading the event…" />
    );
  const notYetStored = fetched.error instanceof ApiError && fetched.error.status === 404 && streamed;
  return (
    <section data-testid="event-detail">
      <PageHeader title={`Event ${event.request.method} ${event.request.path}`}>
        <ActionBadge action={event.verdict.action} />
      </PageHeader>
      {fetched.error && !notYetStored ? <ErrorNotice error={fetched.error} /> : null}
      <div className="card">
        <EventSummary event={event} />
      </div>
      <div className="card">
        <h2>Findings</h2>
        {event.verdict.findings.length > 0 ? (
          <FindingTable
            findings={event.verdict.findings}
            {...(auth.can('config:write') ? { onSilence: setSilencing } : {})}
          />
        ) : (
          <EmptyState>Nothing was found in this request.</EmptyState>
        )}
        {silencing ? (
          <ExclusionForm
            key={`${silencing.rule} ${silencing.location}`}
            event={event}
            finding={silencing}
            onClose={() => setSilencing(undefined)}
          />
        ) : null}
      </div>
      <div className="card">
        <h2>Client {event.client.ip}</h2>
        <BlockClient
          ip={event.client.ip}
          reason={`event ${event.id}: ${event.verdict.reason}`.slice(0, 256)}
        />
        <h3>History</h3>
        <ClientHistory ip={event.client.ip} />
      </div>
    </section>
  );
}
