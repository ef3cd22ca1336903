import { type FormEvent, useState } from 'react';
import { addDecision } from '../api/decisions-api';
import type { DecisionInput } from '../api/defence-types';
import { useAction } from '../hooks/use-action';
import { ChangeOutcome } from './change-outcome';
import { DECISION_ACTIONS } from './decision-actions';
import { ErrorNotice } from './error-notice';
import { SelectField } from './select-field';
import { TextField } from './text-field';
import { TTL_OPTIONS, type TtlChoice, ttlSeconds } from './ttl-options';

/** Adds a decision about an address or a range. */
export function DecisionForm({ onAdded }: { readonly onAdded: () => void }) {
  const [scope, setScope] = useState<DecisionInput['scope']>('ip');
  const [value, setValue] = useState('');
  const [action, setAction] = useState<DecisionInput['action']>('block');
  const [reason, setReason] = useState('manual');
  const [ttl, setTtl] = useState<TtlChoice>('86400');
  const add = useAction(addDecision);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await add.run({ scope, value: value.trim(), action, reason, ...ttlSeconds(ttl) })) {
      setValue('');
      onAdded();
    }
  };

  return (
    <form className="panel" aria-label="Add a decision" onSubmit={submit}>
      <h2>Add a decision</h2>
      <div className="form-grid">
        <SelectField
          label="Scope"
          value={scope}
          onChange={setScope}
          options={[
            ['ip', 'address'],
            ['cidr', 'CIDR range'],
          ]}
        />
        <TextField
          label={scope === 'ip' ? 'Address' : 'Range'}
          value={value}
          onChange={setValue}
          placeholder={scope === 'ip' ? '203.0.113.7' : '203.0.113.0/24'}
          required
        />
        <SelectField label="Action" value={action} onChange={setAction} options={DECISION_ACTIONS} />
        <TextField label="Reason" value={reason} onChange={setReason} maxLength={256} />
        <SelectField label="For" value={ttl} onChange={setTtl} options={TTL_OPTIONS} />
      </div>
      {add.error ? <ErrorNotice error={add.error} /> : null}
      {add.result && 'pending' in add.result ? <ChangeOutcome change={add.result.change} /> : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={add.busy}>
          Add decision
        </button>
      </div>
    </form>
  );
}
