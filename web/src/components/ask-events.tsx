import { type FormEvent, useState } from 'react';
import { askEvents } from '../api/brain-api';
import { useAuth } from '../auth/auth-context';
import { formatDateTime } from '../format/format-time';
import { useAction } from '../hooks/use-action';
import { href } from '../router/hash-route';
import { ErrorNotice } from './error-notice';
import { TextField } from './text-field';

/** Ask about events in plain language; shows the query that ran (validated) and what it found. */
export function AskEvents() {
  const [question, setQuestion] = useState('');
  const ask = useAction(askEvents);
  if (!useAuth().can('analysis:run')) return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (question.trim() !== '') void ask.run(question.trim());
  };
  const answer = ask.result;
  return (
    <form className="ask-events" onSubmit={onSubmit} data-testid="ask-events">
      <TextField
        label="Ask about events"
        value={question}
        onChange={setQuestion}
        placeholder="blocked requests from 203.0.113.7 in the last hour"
        maxLength={500}
      />
      <button type="submit" className="button-primary" disabled={ask.busy}>
        Ask
      </button>
      {ask.error ? <ErrorNotice error={ask.error} /> : null}
      {answer ? (
        <div data-testid="ask-answer">
          <p className="muted">
            Query <code>{JSON.stringify(answer.query)}</code> (
            {answer.source === 'llm' ? answer.model : 'rules'}): {answer.events.length} event
            {answer.events.length === 1 ? '' : 's'}
          </p>
          <ul>
            {answer.events.slice(0, 10).map((e) => (
              <li key={e.id}>
                <a href={href('events', e.id)}>
                  {formatDateTime(e.time)} {e.client.ip} {e.request.method} {e.request.path} →{' '}
                  {e.verdict.action}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
