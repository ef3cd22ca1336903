import type { SecurityEvent } from '../api/event-types';
import { formatBytes } from '../format/format-bytes';
import { formatMs } from '../format/format-ms';
import { formatDateTime } from '../format/format-time';
import { href } from '../router/hash-route';
import { ActionBadge } from './action-badge';

/** What came, who sent it, what was judged and what was answered, as a list of facts. */
export function EventSummary({ event }: { readonly event: SecurityEvent }) {
  const { request, response, verdict, client } = event;
  return (
    <dl className="facts" data-testid="event-summary">
      <dt>Time</dt>
      <dd>{formatDateTime(event.time)}</dd>
      <dt>Site</dt>
      <dd>{event.site}</dd>
      <dt>Request</dt>
      <dd className="mono">
        {request.method} {request.host}
        {request.path}
        <span className="muted"> · body {formatBytes(request.bodyBytes)}</span>
      </dd>
      <dt>Client</dt>
      <dd>
        <a className="mono" href={href('clients', client.ip)}>
          {client.ip}
        </a>
        <div className="muted">{client.userAgent || 'no user agent'}</div>
        {client.fingerprint ? <div className="muted mono">fingerprint {client.fingerprint}</div> : null}
      </dd>
      <dt>Verdict</dt>
      <dd>
        <ActionBadge action={verdict.action} /> <span className="mono">{verdict.reason}</span>
        <span className="muted"> · score {Math.round(verdict.score * 100) / 100}</span>
        {verdict.publicReason ? (
          <span className="muted"> · told the client “{verdict.publicReason}”</span>
        ) : null}
      </dd>
      <dt>Response</dt>
      <dd>
        {response.status || 'none'} from the {response.origin} · {formatBytes(response.bytes)}
        {response.upstreamMs !== null ? ` · upstream ${formatMs(response.upstreamMs)}` : ''}
        {response.error ? <span className="muted"> · {response.error}</span> : null}
      </dd>
      <dt>Timings</dt>
      <dd>
        {formatMs(event.timings.totalMs)} in all, {formatMs(event.timings.inspectMs)} inspecting
      </dd>
      {event.inspectLimits?.length ? (
        <>
          <dt>Inspection limits</dt>
          <dd>{event.inspectLimits.join(', ')}</dd>
        </>
      ) : null}
      {event.labyrinthSession ? (
        <>
          <dt>Labyrinth</dt>
          <dd>
            <a href={href('labyrinth', event.labyrinthSession)}>session {event.labyrinthSession}</a>
          </dd>
        </>
      ) : null}
      <dt>Request id</dt>
      <dd className="mono">{event.requestId}</dd>
    </dl>
  );
}
