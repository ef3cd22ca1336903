import type { ComplianceReport } from '../api/report-types';
import { ComplianceStatusBadge } from './compliance-status-badge';

/** A framework's controls, each with the status its evidence gives it and that evidence's findings. */
export function ComplianceControls({ report }: { readonly report: ComplianceReport }) {
  const evidence = new Map(report.evidence.map((e) => [e.id, e]));
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Controls">
        <thead>
          <tr>
            <th scope="col">Control</th>
            <th scope="col">What it asks</th>
            <th scope="col">Status</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {report.controls.map((control) => (
            <tr key={control.id} data-testid="control-row" data-status={control.status}>
              <td className="nowrap">
                <strong>{control.id}</strong>
              </td>
              <td>
                <strong>{control.title}</strong>
                <p className="muted">{control.description}</p>
              </td>
              <td>
                <ComplianceStatusBadge status={control.status} />
              </td>
              <td>
                <ul className="evidence-refs">
                  {control.evidence.map((id) => {
                    const item = evidence.get(id);
                    return (
                      <li key={id}>
                        {item ? (
                          <>
                            <span className={`status-dot compliance-${item.status}`} aria-hidden="true" />
                            <strong>{item.title}</strong>: {item.finding}
                          </>
                        ) : (
                          id
                        )}
                      </li>
                    );
                  })}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
