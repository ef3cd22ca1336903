import { createContext, useContext } from 'react';
import type { SecurityEvent } from '../api/event-types';
import type { StreamFilter, StreamStatus } from '../api/live-stream';

/** The live feed: recent events, then every new one, under one filter. */
export interface LiveFeed {
  readonly filter: StreamFilter;
  setFilter(filter: StreamFilter): void;
  /** Newest first, at most a few hundred. */
  readonly events: readonly SecurityEvent[];
  readonly status: StreamStatus;
  /** Set while waiting to reconnect. */
  readonly retryInMs: number | undefined;
  /** Why the recent events could not be read, if they could not. */
  readonly error: unknown;
  readonly loading: boolean;
}

export const LiveFeedContext = createContext<LiveFeed | undefined>(undefined);

/** The live feed; only inside LiveFeedProvider. */
export function useLiveFeed(): LiveFeed {
  const feed = useContext(LiveFeedContext);
  if (feed === undefined) throw new Error('useLiveFeed outside LiveFeedProvider');
  return feed;
}
