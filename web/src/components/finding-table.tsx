import type { Finding } from '../api/event-types';

/** The findings of an event; `onSilence`, when given, offers to silence each as a false positive. */
export function FindingTable({
  findings,
  onSilence,
}: {
  readonly findings: readonly Finding[];
  readonly onSilence?: (finding: Finding) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Findings">
        <thead>
          <tr>
            <th scope="col">Analyzer</th>
            <th scope="col">Rule</th>
            <th scope="col">Location</th>
            <th scope="col">Evidence</th>
            <th scope="col">Confidence</th>
            <th scope="col">Transforms</th>
            {onSilence ? <th scope="col">False positive?</th> : null}
          </tr>
        </thead>
        <tbody>
          {findings.map((finding, i) => (
            // Findings have no id; the same rule may fire twice at one location.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for the event
            <tr key={i} data-testid="finding-row">
              <td>{finding.analyzer}</td>
              <td className="mono">{finding.rule}</td>
              <td className="mono">{finding.location}</td>
              <td>
                <code className="evidence">{finding.evidence}</code>
              </td>
              <td className="num">{Math.round(finding.confidence * 100)}%</td>
              <td>{finding.transforms.join(' → ') || '—'}</td>
              {onSilence ? (
                <td>
                  <button type="button" className="button-small" onClick={() => onSilence(finding)}>
                    Silence this false positive
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
