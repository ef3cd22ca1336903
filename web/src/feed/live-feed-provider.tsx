import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { SecurityEvent } from '../api/event-types';
import { listEvents } from '../api/events-api';
import { openLiveStream, type StreamFilter, type StreamStatus } from '../api/live-stream';
import { type LiveFeed, LiveFeedContext } from './live-feed-context';

const KEEP = 300;

/** Adds events to a newest-first list, without duplicates, keeping the newest KEEP. */
function merge(current: readonly SecurityEvent[], added: readonly SecurityEvent[]): SecurityEvent[] {
  const seen = new Set(current.map((e) => e.id));
  const fresh = added.filter((e) => !seen.has(e.id));
  return [...fresh, ...current].sort((a, b) => b.time - a.time).slice(0, KEEP);
}

/**
 * Keeps the live feed for the whole signed-in app, so that it goes on filling while another page is shown:
 * reads the recent events matching the filter, then streams new ones; a new filter starts over.
 */
export function LiveFeedProvider({ children }: { readonly children: ReactNode }) {
  const [filter, setFilter] = useState<StreamFilter>({});
  const [events, setEvents] = useState<SecurityEvent[]>([]);
  const [status, setStatus] = useState<{ status: StreamStatus; retryInMs?: number }>({
    status: 'connecting',
  });
  const [recent, setRecent] = useState<{ loading: boolean; error?: unknown }>({ loading: true });

  useEffect(() => {
    setEvents([]);
    setRecent({ loading: true });
    const { attacks, ...searchable } = filter;
    let current = true;
    listEvents({ ...searchable, limit: 100 }).then(
      (page) => {
        if (!current) return;
        const shown = attacks ? page.events.filter((e) => e.verdict.findings.length > 0) : page.events;
        setEvents((live) => merge(live, shown));
        setRecent({ loading: false });
      },
      (error: unknown) => current && setRecent({ loading: false, error }),
    );
    const close = openLiveStream(filter, {
      onEvent: (event) => setEvents((live) => merge(live, [event])),
      onStatus: (next, retryInMs) => setStatus({ status: next, ...(retryInMs ? { retryInMs } : {}) }),
    });
    return () => {
      current = false;
      close();
    };
  }, [filter]);

  const feed = useMemo<LiveFeed>(
    () => ({
      filter,
      setFilter,
      events,
      status: status.status,
      retryInMs: status.retryInMs,
      error: recent.error,
      loading: recent.loading,
    }),
    [filter, events, status, recent],
  );
  return <LiveFeedContext value={feed}>{children}</LiveFeedContext>;
}
