import { useCallback } from 'react';
import { getIntruder } from '../api/labyrinth-api';
import { formatDuration } from '../format/format-duration';
import { formatDateTime } from '../format/format-time';
import { useApiData } from '../hooks/use-api-data';
import { AsyncView } from './async-view';
import { MazePath } from './maze-path';

/** One intruder: what the maze has cost it, and the path it took. */
export function IntruderDetail({ id }: { readonly id: string }) {
  const load = useCallback(() => getIntruder(id), [id]);
  const session = useApiData(load);
  return (
    <div className="card" data-testid="intruder-detail">
      <AsyncView source={session}>
        {(s) => (
          <>
            <h2>
              {s.client.ip} in the {s.strategy} maze
            </h2>
            <p className="muted">
              Trapped {formatDateTime(s.firstSeen)} ({s.reason}); {s.pages} pages, {s.depth} deep, held{' '}
              {formatDuration(s.heldMs)}; {s.canariesIssued} canaries issued, {s.canariesUsed} used.
            </p>
            <MazePath session={s} />
          </>
        )}
      </AsyncView>
    </div>
  );
}
