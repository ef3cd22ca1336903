import type { IntruderSession } from '../api/defence-types';
import { formatDuration } from '../format/format-duration';
import { formatDateTime } from '../format/format-time';
import { href } from '../router/hash-route';

/** Clients in the maze, and what it has cost them; each row opens the path it took. */
export function IntruderTable({
  sessions,
  selected,
}: {
  readonly sessions: readonly IntruderSession[];
  readonly selected?: string;
}) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Intruders">
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Site</th>
            <th scope="col">Strategy</th>
            <th scope="col">Why</th>
            <th scope="col">Depth</th>
            <th scope="col">Pages</th>
            <th scope="col">Held</th>
            <th scope="col">Canaries issued / used</th>
            <th scope="col">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr
              key={s.id}
              data-testid="intruder-row"
              aria-selected={s.id === selected}
              className={s.id === selected ? 'selected' : undefined}
            >
              <td>
                <a className="mono" href={href('labyrinth', s.id)}>
                  {s.client.ip}
                </a>
              </td>
              <td>{s.site}</td>
              <td>{s.strategy}</td>
              <td className="mono">{s.reason}</td>
              <td className="num">{s.depth}</td>
              <td className="num">{s.pages}</td>
              <td className="num">{formatDuration(s.heldMs)}</td>
              <td className="num">
                {s.canariesIssued} /{' '}
                <span className={s.canariesUsed > 0 ? 'danger' : undefined}>{s.canariesUsed}</span>
              </td>
              <td className="nowrap">{formatDateTime(s.lastSeen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
