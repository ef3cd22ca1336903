import { type FormEvent, useState } from 'react';
import { exportSubject, type PrivacySubject } from '../api/privacy-api';
import { useAction } from '../hooks/use-action';
import { ErrorNotice } from './error-notice';
import { PrivacyErase } from './privacy-erase';
import { exportFileName, type SubjectKind, subjectOf } from './privacy-subject';
import { SelectField } from './select-field';
import { TextField } from './text-field';

async function downloadExport(subject: PrivacySubject): Promise<PrivacySubject> {
  const document_ = await exportSubject(subject);
  const url = URL.createObjectURL(
    new Blob([`${JSON.stringify(document_, null, 2)}\n`], { type: 'application/json' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(subject);
  link.click();
  URL.revokeObjectURL(url);
  return subject;
}

/**
 * Data subject requests: everything kept about a client address or a user, exported as one JSON file, or
 * erased after a typed confirmation.
 */
export function PrivacyPanel() {
  const [kind, setKind] = useState<SubjectKind>('ip');
  const [value, setValue] = useState('');
  const [erasing, setErasing] = useState<PrivacySubject | undefined>(undefined);
  const exporter = useAction(downloadExport);
  const subject = subjectOf(kind, value);
  const empty = value.trim() === '';

  const change = (apply: () => void) => {
    apply();
    setErasing(undefined);
    exporter.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!empty) void exporter.run(subject);
  };

  return (
    <div className="stack">
      <form className="panel" aria-label="Data subject request" onSubmit={submit}>
        <h2>Export or erase personal data</h2>
        <p className="muted">
          Answer an access or erasure request: find what is kept about a client address or a control-plane
          user. Each request is written to the audit log.
        </p>
        <div className="form-grid">
          <SelectField
            label="Subject"
            value={kind}
            onChange={(k) => change(() => setKind(k))}
            options={[
              ['ip', 'Client address'],
              ['user', 'Username'],
            ]}
          />
          <TextField
            label={kind === 'ip' ? 'Address' : 'Username'}
            value={value}
            onChange={(v) => change(() => setValue(v))}
            placeholder={kind === 'ip' ? '203.0.113.7' : 'alice'}
            autoComplete="off"
            required
          />
        </div>
        {exporter.error ? <ErrorNotice error={exporter.error} /> : null}
        {exporter.result ? (
          <p className="notice notice-success" role="status" data-testid="privacy-exported">
            Downloaded {exportFileName(exporter.result)}.
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={empty || exporter.busy}>
            Export JSON
          </button>
          <button
            type="button"
            className="button-danger"
            disabled={empty}
            onClick={() => {
              exporter.reset();
              setErasing(subject);
            }}
          >
            Erase…
          </button>
        </div>
      </form>
      {erasing ? (
        <PrivacyErase
          key={JSON.stringify(erasing)}
          subject={erasing}
          onCancel={() => setErasing(undefined)}
        />
      ) : null}
    </div>
  );
}
