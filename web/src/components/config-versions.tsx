import { useState } from 'react';
import type { ConfigVersion } from '../api/config-types';
import { useAuth } from '../auth/auth-context';
import { formatDateTime } from '../format/format-time';
import { ConfigRollback } from './config-rollback';
import { ConfigVersionDiff } from './config-version-diff';
import { ConfigVersionSource } from './config-version-source';

type View = 'yaml' | 'diff' | 'rollback';

/**
 * Applied configurations, newest first; one can be opened to read its YAML or what it changed, and a role that
 * may write the configuration can roll back to an earlier one.
 */
export function ConfigVersions({
  versions,
  onRolledBack,
}: {
  readonly versions: readonly ConfigVersion[];
  readonly onRolledBack: () => void;
}) {
  const writable = useAuth().can('config:write');
  const [open, setOpen] = useState<{ version: number; view: View } | undefined>(undefined);
  const latest = versions[0]?.version;
  const toggle = (version: number, view: View) =>
    setOpen(open?.version === version && open.view === view ? undefined : { version, view });
  const isOpen = (version: number, view: View) => open?.version === version && open.view === view;
  return (
    <>
      <div className="table-wrap">
        <table className="table" aria-label="Configuration versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Applied</th>
              <th scope="col">By</th>
              <th scope="col">Comment</th>
              <th scope="col">Digest</th>
              <th scope="col">YAML</th>
              <th scope="col">Changes</th>
              {writable ? <th scope="col">Roll back</th> : null}
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr
                key={v.version}
                data-testid="config-version-row"
                className={open?.version === v.version ? 'selected' : undefined}
              >
                <td className="num">{v.version}</td>
                <td className="nowrap">{formatDateTime(v.time)}</td>
                <td className="mono">{v.author}</td>
                <td>{v.comment}</td>
                <td className="mono">{v.digest.slice(0, 12)}</td>
                <td>
                  <button
                    type="button"
                    className="button-small"
                    aria-expanded={isOpen(v.version, 'yaml')}
                    onClick={() => toggle(v.version, 'yaml')}
                  >
                    {isOpen(v.version, 'yaml') ? 'Hide' : 'Show'}
                  </button>
                </td>
                <td>
                  <button
                    type="button"
                    className="button-small"
                    aria-expanded={isOpen(v.version, 'diff')}
                    aria-label={`Diff of version ${v.version}`}
                    onClick={() => toggle(v.version, 'diff')}
                  >
                    Diff
                  </button>
                </td>
                {writable ? (
                  <td>
                    {v.version !== latest ? (
                      <button
                        type="button"
                        className="button-small"
                        aria-expanded={isOpen(v.version, 'rollback')}
                        aria-label={`Roll back to version ${v.version}`}
                        onClick={() => toggle(v.version, 'rollback')}
                      >
                        Roll back
                      </button>
                    ) : (
                      <span className="muted">running</span>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open?.view === 'yaml' ? <ConfigVersionSource version={open.version} /> : null}
      {open?.view === 'diff' ? <ConfigVersionDiff version={open.version} /> : null}
      {open?.view === 'rollback' ? (
        <ConfigRollback
          key={open.version}
          version={open.version}
          onDone={onRolledBack}
          onCancel={() => setOpen(undefined)}
        />
      ) : null}
    </>
  );
}
