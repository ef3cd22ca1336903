import type { Erasure } from '../api/privacy-api';

/** What an erasure removed, per kind of data, and what it kept on purpose. */
export function ErasureResult({ erasure }: { readonly erasure: Erasure }) {
  const counts = Object.entries(erasure.counts);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  return (
    <div className="notice notice-success" role="status" data-testid="erasure-result">
      <p>
        Erased {total.toLocaleString()} record{total === 1 ? '' : 's'}. The audit log names the subject{' '}
        <span className="mono">{erasure.target}</span> from now on.
      </p>
      <div className="table-wrap">
        <table className="table" aria-label="Records erased">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Records
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.map(([kind, n]) => (
              <tr key={kind} data-testid="erasure-count">
                <td>{kind}</td>
                <td className="num">{n.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {erasure.notes.length > 0 ? (
        <ul className="notes">
          {erasure.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
