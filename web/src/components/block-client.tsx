import { useCallback, useState } from 'react';
import { addDecision, deleteDecision, listDecisions } from '../api/decisions-api';
import { useAuth } from '../auth/auth-context';
import { formatDateTime } from '../format/format-time';
import { useAction } from '../hooks/use-action';
import { useApiData } from '../hooks/use-api-data';
import { ActionBadge } from './action-badge';
import { AsyncView } from './async-view';
import { ErrorNotice } from './error-notice';
import { SelectField } from './select-field';
import { TextField } from './text-field';
import { TTL_OPTIONS, type TtlChoice, ttlSeconds } from './ttl-options';

/**
 * The decisions in force for one address, and one click to block it (or to lift a decision) for a role that
 * may write decisions.
 */
export function BlockClient({ ip, reason: suggested }: { readonly ip: string; readonly reason: string }) {
  const mayWrite = useAuth().can('decisions:write');
  const load = useCallback(
    () => listDecisions().then((all) => all.filter((d) => d.scope === 'ip' && d.value === ip)),
    [ip],
  );
  const decisions = useApiData(load);
  const [ttl, setTtl] = useState<TtlChoice>('86400');
  const [reason, setReason] = useState(suggested);
  const block = useAction(addDecision);
  const remove = useAction(deleteDecision);

  const onBlock = async () => {
    if (await block.run({ scope: 'ip', value: ip, action: 'block', reason, ...ttlSeconds(ttl) }))
      decisions.reload();
  };
  const onRemove = async (id: string) => {
    if (await remove.run(id)) decisions.reload();
  };

  return (
    <div className="block-client" data-testid="client-decisions">
      <AsyncView source={decisions}>
        {(inForce) =>
          inForce.length > 0 ? (
            <ul className="decision-list">
              {inForce.map((d) => (
                <li key={d.id} data-testid="client-decision">
                  <ActionBadge action={d.action} /> {d.reason} · expires {formatDateTime(d.expires)} · by{' '}
                  {d.createdBy}
                  {mayWrite ? (
                    <button
                      type="button"
                      className="button-small"
                      disabled={remove.busy}
                      onClick={() => onRemove(d.id)}
                    >
                      Remove decision
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : mayWrite ? (
            <div className="inline-form">
              <TextField label="Reason" value={reason} onChange={setReason} maxLength={256} />
              <SelectField label="For" value={ttl} onChange={setTtl} options={TTL_OPTIONS} />
              <button type="button" className="button-danger" disabled={block.busy} onClick={onBlock}>
                Block client
              </button>
            </div>
          ) : (
            <p className="muted">No decision about {ip}.</p>
          )
        }
      </AsyncView>
      {block.error ? <ErrorNotice error={block.error} /> : null}
      {remove.error ? <ErrorNotice error={remove.error} /> : null}
    </div>
  );
}
