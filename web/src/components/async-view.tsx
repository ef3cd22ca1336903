import type { ReactNode } from 'react';
import type { ApiData } from '../hooks/use-api-data';
import { EmptyState } from './empty-state';
import { ErrorNotice } from './error-notice';
import { LoadingState } from './loading-state';

/** What a AsyncView shows. */
export interface AsyncViewProps<T> {
  readonly source: ApiData<T>;
  /** Whether the data counts as nothing to show. */
  readonly isEmpty?: (data: T) => boolean;
  readonly empty?: ReactNode;
  readonly children: (data: T) => ReactNode;
}

/** Loading, error, empty or the data: the four states every list and panel has. */
export function AsyncView<T>({ source, isEmpty, empty, children }: AsyncViewProps<T>) {
  const { data, error, loading } = source;
  if (data === undefined) return error ? <ErrorNotice error={error} /> : loading ? <LoadingState /> : null;
  return (
    <>
      {error ? <ErrorNotice error={error} /> : null}
      {isEmpty?.(data) ? <EmptyState>{empty}</EmptyState> : children(data)}
    </>
  );
}
