import type { Incident } from '../api/defence-types';
import { formatDateTime } from '../format/format-time';
import { href } from '../router/hash-route';
import { IncidentSummary } from './incident-summary';

/** Incidents with their severity, clients, categories and account; the latest events link to their detail. */
export function IncidentTable({ incidents }: { readonly incidents: readonly Incident[] }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Incidents">
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Incident</th>
            <th scope="col">Status</th>
            <th scope="col">Site</th>
            <th scope="col">Clients</th>
            <th scope="col">Categories</th>
            <th scope="col">Events</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {incidents.map((incident) => (
            <tr key={incident.id} data-testid="incident-row">
              <td>
                <span className={`badge severity-${incident.severity}`}>{incident.severity}</span>
              </td>
              <td>
                <strong>{incident.title}</strong>
                {incident.summary ? <p className="muted">{incident.summary}</p> : null}
                <IncidentSummary id={incident.id} />
              </td>
              <td>{incident.status}</td>
              <td>{incident.site}</td>
              <td className="mono">
                {incident.clients.slice(0, 5).map((ip) => (
                  <a key={ip} href={href('clients', ip)} className="block">
                    {ip}
                  </a>
                ))}
                {incident.clients.length > 5 ? (
                  <span className="muted">+{incident.clients.length - 5}</span>
                ) : null}
              </td>
              <td>{incident.categories.join(', ')}</td>
              <td className="num">
                {incident.events[0] ? (
                  <a href={href('events', incident.events[0])}>{incident.eventCount}</a>
                ) : (
                  incident.eventCount
                )}
              </td>
              <td className="nowrap">{formatDateTime(incident.lastSeen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
