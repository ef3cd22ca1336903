import { EmptyState } from '../components/empty-state';
import { ErrorNotice } from '../components/error-notice';
import { EventTable } from '../components/event-table';
import { FeedFilters } from '../components/feed-filters';
import { LoadingState } from '../components/loading-state';
import { PageHeader } from '../components/page-header';
import { StreamStatus } from '../components/stream-status';
import { useLiveFeed } from '../feed/live-feed-context';

/** Every request as it happens, filtered on the server; an event opens its detail. */
export function LiveFeedPage() {
  const feed = useLiveFeed();
  return (
    <section>
      <PageHeader title="Live feed">
        <StreamStatus status={feed.status} {...(feed.retryInMs ? { retryInMs: feed.retryInMs } : {})} />
      </PageHeader>
      <FeedFilters value={feed.filter} onApply={feed.setFilter} />
      {feed.error ? <ErrorNotice error={feed.error} /> : null}
      {feed.events.length > 0 ? (
        <EventTable events={feed.events} label="Live events" />
      ) : feed.loading ? (
        <LoadingState />
      ) : (
        <EmptyState>No events match yet: requests through the gateway appear here as they happen.</EmptyState>
      )}
    </section>
  );
}
