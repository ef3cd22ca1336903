import { type FormEvent, useId, useState } from 'react';
import { importDecisions } from '../api/decisions-api';
import type { DecisionImportInput } from '../api/defence-types';
import { IMPORT_FORMATS } from '../api/defence-types';
import { useAction } from '../hooks/use-action';
import { DECISION_ACTIONS } from './decision-actions';
import { ErrorNotice } from './error-notice';
import { SelectField } from './select-field';
import { TextField } from './text-field';
import { TTL_OPTIONS, type TtlChoice, ttlSeconds } from './ttl-options';

const FORMAT_HINTS: Record<DecisionImportInput['format'], string> = {
  plain: 'Addresses or CIDR ranges, separated by lines, spaces or commas; # starts a comment.',
  fail2ban: 'The output of `fail2ban-client status <jail>`.',
  crowdsec: 'What `cscli decisions list -o json` (or `-o raw`) prints; each entry keeps its own duration.',
};

/** Imports a list of addresses (plain, fail2ban or CrowdSec) as decisions. */
export function DecisionImportForm({ onImported }: { readonly onImported: () => void }) {
  const textId = useId();
  const [format, setFormat] = useState<DecisionImportInput['format']>('plain');
  const [text, setText] = useState('');
  const [action, setAction] = useState<NonNullable<DecisionImportInput['action']>>('block');
  const [reason, setReason] = useState('imported');
  const [ttl, setTtl] = useState<TtlChoice>('86400');
  const run = useAction(importDecisions);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await run.run({ format, text, action, reason, ...ttlSeconds(ttl) })) {
      setText('');
      onImported();
    }
  };

  return (
    <form className="panel" aria-label="Import decisions" onSubmit={submit}>
      <h2>Import a list</h2>
      <div className="form-grid">
        <SelectField
          label="Format"
          value={format}
          onChange={setFormat}
          options={IMPORT_FORMATS.map((f) => [f, f] as const)}
        />
        <SelectField label="Action" value={action} onChange={setAction} options={DECISION_ACTIONS} />
        <TextField label="Reason" value={reason} onChange={setReason} maxLength={256} />
        <SelectField label="For" value={ttl} onChange={setTtl} options={TTL_OPTIONS} />
      </div>
      <div className="field">
        <label htmlFor={textId}>List</label>
        <textarea
          id={textId}
          className="mono"
          rows={6}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={`${textId}-hint`}
          required
        />
        <small id={`${textId}-hint`} className="hint">
          {FORMAT_HINTS[format]}
        </small>
      </div>
      {run.error ? <ErrorNotice error={run.error} /> : null}
      {run.result ? (
        <div className="notice notice-success" role="status" data-testid="import-result">
          <p>
            Added {run.result.added.length}, skipped {run.result.problems.length}.
          </p>
          {run.result.problems.length > 0 ? (
            <ul className="problems">
              {run.result.problems.slice(0, 20).map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={run.busy}>
          Import
        </button>
      </div>
    </form>
  );
}
