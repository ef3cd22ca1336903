import { listApiKeys, revokeApiKey } from '../api/api-keys-api';
import { useAuth } from '../auth/auth-context';
import { formatDateTime } from '../format/format-time';
import { useAction } from '../hooks/use-action';
import { useApiData } from '../hooks/use-api-data';
import { ApiKeyForm } from './api-key-form';
import { AsyncView } from './async-view';
import { ErrorNotice } from './error-notice';

/** API keys for automation: list, create (token shown once), revoke. */
export function ApiKeysPanel() {
  const editable = useAuth().can('apikeys:write');
  const keys = useApiData(listApiKeys);
  const revoke = useAction(revokeApiKey);
  const onRevoke = async (id: string) => {
    if (await revoke.run(id)) keys.reload();
  };
  return (
    <div className="stack">
      {revoke.error ? <ErrorNotice error={revoke.error} /> : null}
      <AsyncView source={keys} isEmpty={(list) => list.length === 0} empty="No API keys yet.">
        {(list) => (
          <div className="table-wrap">
            <table className="table" aria-label="API keys">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Id</th>
                  <th scope="col">Role</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Created</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">State</th>
                  {editable ? <th scope="col">Revoke</th> : null}
                </tr>
              </thead>
              <tbody>
                {list.map((key) => (
                  <tr key={key.id} data-testid="api-key-row">
                    <td>{key.name}</td>
                    <td className="mono">{key.id}</td>
                    <td>{key.role}</td>
                    <td className="mono">{key.scopes.join(', ') || 'all of the role'}</td>
                    <td className="nowrap">
                      {formatDateTime(key.created)} <span className="muted">by {key.createdBy}</span>
                    </td>
                    <td className="nowrap">{formatDateTime(key.expires)}</td>
                    <td className="nowrap">{formatDateTime(key.lastUsed)}</td>
                    <td>{key.revoked ? 'revoked' : 'active'}</td>
                    {editable ? (
                      <td>
                        {key.revoked ? null : (
                          <button
                            type="button"
                            className="button-small button-danger"
                            disabled={revoke.busy}
                            onClick={() => onRevoke(key.id)}
                          >
                            Revoke
                          </button>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </AsyncView>
      {editable ? <ApiKeyForm onCreated={keys.reload} /> : null}
    </div>
  );
}
