import { type FormEvent, useState } from 'react';
import type { Role } from '../api/account-types';
import { createApiKey } from '../api/api-keys-api';
import { useMe } from '../auth/auth-context';
import { ROLE_PERMISSIONS } from '../auth/permissions';
import { useAction } from '../hooks/use-action';
import { ErrorNotice } from './error-notice';
import { rolesUpTo } from './role-options';
import { SelectField } from './select-field';
import { TextField } from './text-field';

/** Creates an API key (never above the creator's role), optionally narrowed to scopes; shows its token once. */
export function ApiKeyForm({ onCreated }: { readonly onCreated: () => void }) {
  const me = useMe();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [scopes, setScopes] = useState<string[]>([]);
  const [ttlDays, setTtlDays] = useState('');
  const create = useAction(createApiKey);
  const offered = [...ROLE_PERMISSIONS[role]];

  const toggle = (scope: string) =>
    setScopes((chosen) => (chosen.includes(scope) ? chosen.filter((s) => s !== scope) : [...chosen, scope]));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await create.run({
      name: name.trim(),
      role,
      scopes: scopes.filter((s) => offered.includes(s as never)),
      ...(ttlDays ? { ttlDays: Number(ttlDays) } : {}),
    });
    if (ok) {
      setName('');
      setScopes([]);
      onCreated();
    }
  };

  return (
    <form className="panel" aria-label="Create an API key" onSubmit={submit}>
      <h2>Create an API key</h2>
      {create.result ? (
        <div className="notice notice-success token-once" role="status">
          <p>
            The token of <strong>{create.result.name}</strong>, shown this once: copy it now.
          </p>
          <code className="secret" data-testid="api-key-token">
            {create.result.token}
          </code>
          <button
            type="button"
            className="button-small"
            onClick={() => void navigator.clipboard?.writeText(create.result?.token ?? '')}
          >
            Copy
          </button>
          <button type="button" className="button-small" onClick={create.reset}>
            Done
          </button>
        </div>
      ) : null}
      <div className="form-grid">
        <TextField label="Name" value={name} onChange={setName} placeholder="prometheus" required />
        <SelectField label="Role" value={role} onChange={setRole} options={rolesUpTo(me.role)} />
        <TextField
          label="Expires after (days)"
          type="number"
          value={ttlDays}
          onChange={setTtlDays}
          hint="Empty: never expires."
        />
      </div>
      <fieldset className="scopes">
        <legend>Scopes (none: everything the role may do)</legend>
        {offered.map((scope) => (
          <label key={scope} className="check">
            <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} />
            <span className="mono">{scope}</span>
          </label>
        ))}
      </fieldset>
      {create.error ? <ErrorNotice error={create.error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={create.busy}>
          Create key
        </button>
      </div>
    </form>
  );
}
