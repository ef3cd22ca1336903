import { useCallback } from 'react';
import type { IntruderSession } from '../api/defence-types';
import type { SecurityEvent } from '../api/event-types';
import { listEvents } from '../api/events-api';
import { formatBytes } from '../format/format-bytes';
import { formatDuration } from '../format/format-duration';
import { formatTime } from '../format/format-time';
import { useApiData } from '../hooks/use-api-data';
import { href } from '../router/hash-route';
import { ActionBadge } from './action-badge';
import { AsyncView } from './async-view';

/** Whether an event is a step of this session through the maze. */
function inMaze(event: SecurityEvent, session: IntruderSession): boolean {
  if (event.labyrinthSession !== undefined) return event.labyrinthSession === session.id;
  return (
    (event.verdict.action === 'labyrinth' || event.verdict.action === 'tarpit') &&
    event.site === session.site &&
    event.time >= session.firstSeen
  );
}

/** The path an intruder took through the maze, oldest step first. */
export function MazePath({ session }: { readonly session: IntruderSession }) {
  const load = useCallback(
    () =>
      listEvents({ client: session.client.ip, limit: 500 }).then((page) =>
        page.events.filter((e) => inMaze(e, session)).reverse(),
      ),
    [session],
  );
  const steps = useApiData(load);
  return (
    <AsyncView
      source={steps}
      isEmpty={(list) => list.length === 0}
      empty="No maze page recorded for this intruder yet."
    >
      {(list) => (
        <ol className="timeline" aria-label="Path through the maze">
          {list.map((event) => (
            <li key={event.id} data-testid="maze-step">
              <span className="timeline-time">{formatTime(event.time)}</span>
              <a className="mono timeline-path" href={href('events', event.id)}>
                {event.request.method} {event.request.path}
              </a>
              <span className="timeline-meta">
                <ActionBadge action={event.verdict.action} /> {event.response.status} ·{' '}
                {formatBytes(event.response.bytes)} · held {formatDuration(event.timings.totalMs)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </AsyncView>
  );
}
