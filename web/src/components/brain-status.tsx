import { brainStatus } from '../api/brain-api';
import { useApiData } from '../hooks/use-api-data';
import { AsyncView } from './async-view';

const REFRESH_MS = 10_000;

/** The agents' states and what the alerts and the analyst have done. */
export function BrainStatus() {
  const status = useApiData(brainStatus, REFRESH_MS);
  return (
    <AsyncView source={status}>
      {(s) => (
        <p className="muted" data-testid="brain-status">
          Agents:{' '}
          {s.agents.map((a) => (
            <span
              key={a.id}
              className={`badge agent-${a.state}`}
              title={a.stoppedReason ?? `${a.processed} handled`}
            >
              {a.id} {a.state}
            </span>
          ))}{' '}
          · alerts {s.alerts.grouped} sent, {s.alerts.folded} folded · analyst {s.analyst.answers.llm} by
          model, {s.analyst.answers.rules} by rules
        </p>
      )}
    </AsyncView>
  );
}
