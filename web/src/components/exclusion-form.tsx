import { type FormEvent, useState } from 'react';
import type { Exclusion } from '../api/defence-types';
import type { Finding, SecurityEvent } from '../api/event-types';
import { addExclusion } from '../api/exclusions-api';
import { useAction } from '../hooks/use-action';
import { ChangeOutcome } from './change-outcome';
import { ErrorNotice } from './error-notice';
import { TextField } from './text-field';

type Fields = Required<{ [K in keyof Exclusion]: string }>;

/** The exclusion a finding suggests: this site, this path, this location, this rule. */
function suggested(event: SecurityEvent, finding: Finding): Fields {
  return {
    site: event.site,
    path: event.request.path,
    location: finding.location,
    analyzer: finding.analyzer,
    rule: finding.rule,
    comment: `False positive seen in event ${event.id}`,
  };
}

/** Leaves out the empty fields: an empty field matches anything. */
function exclusionOf(fields: Fields): Exclusion {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value.trim() !== '')) as Exclusion;
}

/**
 * Silences a false positive with a scoped exclusion, prefilled from the finding; the person narrows or widens
 * it before confirming. The API writes it into the configuration as a new version.
 */
export function ExclusionForm({
  event,
  finding,
  onClose,
}: {
  readonly event: SecurityEvent;
  readonly finding: Finding;
  readonly onClose: () => void;
}) {
  const [fields, setFields] = useState(() => suggested(event, finding));
  const add = useAction(addExclusion);
  const set = (name: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [name]: value }));
  const pathProblem =
    fields.path !== '' && !fields.path.startsWith('/') ? 'A path prefix starts with /' : undefined;
  // The API refuses an exclusion that would silence every analyzer.
  const unnamed = fields.analyzer.trim() === '' && fields.rule.trim() === '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!pathProblem && !unnamed) void add.run(exclusionOf(fields));
  };

  if (add.result?.pending)
    return (
      <div data-testid="exclusion-pending">
        <ChangeOutcome change={add.result.change} />
        <button type="button" className="button-small" onClick={onClose}>
          Close
        </button>
      </div>
    );
  if (add.result)
    return (
      <div className="notice notice-success" role="status" data-testid="exclusion-added">
        <p>
          Exclusion added in configuration version {add.result.version}: requests like this one are no longer
          flagged for it.
        </p>
        <button type="button" className="button-small" onClick={onClose}>
          Close
        </button>
      </div>
    );
  return (
    <form className="panel exclusion-form" aria-label="Silence a false positive" onSubmit={submit}>
      <h3>Silence this false positive</h3>
      <p className="muted">
        The exclusion applies where every field matches; empty fields match anything. Narrow is safer.
      </p>
      <div className="form-grid">
        <TextField label="Site" value={fields.site} onChange={set('site')} />
        <TextField label="Path prefix" value={fields.path} onChange={set('path')} hint={pathProblem} />
        <TextField label="Location" value={fields.location} onChange={set('location')} hint="e.g. query.q" />
        <TextField
          label="Analyzer"
          value={fields.analyzer}
          onChange={set('analyzer')}
          hint={unnamed ? 'Name the analyzer or the rule to silence' : undefined}
        />
        <TextField label="Rule" value={fields.rule} onChange={set('rule')} />
        <TextField label="Comment" value={fields.comment} onChange={set('comment')} maxLength={500} />
      </div>
      {add.error ? <ErrorNotice error={add.error} /> : null}
      <div className="form-actions">
        <button
          type="submit"
          className="button-primary"
          disabled={add.busy || pathProblem !== undefined || unnamed}
        >
          Add exclusion
        </button>
        <button type="button" className="button-ghost" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
