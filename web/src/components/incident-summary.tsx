import { summarizeIncident } from '../api/brain-api';
import { useAuth } from '../auth/auth-context';
import { useAction } from '../hooks/use-action';
import { ErrorNotice } from './error-notice';

/** A button that asks the analyst for an incident's summary, and the summary with its recommended actions. */
export function IncidentSummary({ id }: { readonly id: string }) {
  const summarize = useAction(summarizeIncident);
  if (!useAuth().can('analysis:run')) return null;
  const result = summarize.result;
  return (
    <div className="incident-summary" data-testid="incident-summary">
      {result ? (
        <>
          <p>{result.summary}</p>
          {result.recommendedActions.length > 0 ? (
            <ul>
              {result.recommendedActions.map((a) => (
                <li key={`${a.kind}-${a.target}`}>
                  <strong>{a.kind}</strong> <span className="mono">{a.target}</span>
                  {a.reason ? <span className="muted"> — {a.reason}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="muted">
            {result.source === 'llm' ? `Written by ${result.model ?? 'a model'}` : 'Written by rules'}
          </p>
        </>
      ) : (
        <button
          type="button"
          className="button-small"
          disabled={summarize.busy}
          onClick={() => void summarize.run(id)}
        >
          {summarize.busy ? 'Summarizing…' : 'Summarize'}
        </button>
      )}
      {summarize.error ? <ErrorNotice error={summarize.error} /> : null}
    </div>
  );
}
