import type { SecurityEvent } from '../api/event-types';
import { formatTime } from '../format/format-time';
import { href } from '../router/hash-route';
import { ActionBadge } from './action-badge';

/** The analyzers that found something in an event, each once. */
function categoriesOf(event: SecurityEvent): string[] {
  return [...new Set(event.verdict.findings.map((f) => f.analyzer))];
}

/** Events as rows; each opens its detail. */
export function EventTable({
  events,
  label,
}: {
  readonly events: readonly SecurityEvent[];
  readonly label: string;
}) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Client</th>
            <th scope="col">Request</th>
            <th scope="col">Site</th>
            <th scope="col">Action</th>
            <th scope="col">Findings</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} data-testid="event-row" data-action={event.verdict.action}>
              <td className="nowrap">{formatTime(event.time)}</td>
              <td className="mono">{event.client.ip}</td>
              <td className="request-cell">
                <a href={href('events', event.id)} className="mono">
                  {event.request.method} {event.request.path}
                </a>
              </td>
              <td>{event.site}</td>
              <td>
                <ActionBadge action={event.verdict.action} />
              </td>
              <td>{categoriesOf(event).join(', ') || '—'}</td>
              <td className="num">{event.response.status || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
