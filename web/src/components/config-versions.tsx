import { useState } from 'react';
import type { ConfigVersion } from '../api/config-types';
import { formatDateTime } from '../format/format-time';
import { ConfigVersionSource } from './config-version-source';

/** Applied configurations, newest first; one can be opened to read its YAML. */
export function ConfigVersions({ versions }: { readonly versions: readonly ConfigVersion[] }) {
  const [open, setOpen] = useState<number | undefined>(undefined);
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
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version} data-testid="config-version-row">
                <td className="num">{v.version}</td>
                <td className="nowrap">{formatDateTime(v.time)}</td>
                <td className="mono">{v.author}</td>
                <td>{v.comment}</td>
                <td className="mono">{v.digest.slice(0, 12)}</td>
                <td>
                  <button
                    type="button"
                    className="button-small"
                    aria-expanded={open === v.version}
                    onClick={() => setOpen(open === v.version ? undefined : v.version)}
                  >
                    {open === v.version ? 'Hide' : 'Show'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open !== undefined ? <ConfigVersionSource version={open} /> : null}
    </>
  );
}
