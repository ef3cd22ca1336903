import { useCallback } from 'react';
import { getConfigDiff } from '../api/config-api';
import { useApiData } from '../hooks/use-api-data';
import { AsyncView } from './async-view';
import { DiffView } from './diff-view';

/** What one applied configuration changed from the version before it, secrets redacted. */
export function ConfigVersionDiff({ version }: { readonly version: number }) {
  const load = useCallback(() => getConfigDiff(version), [version]);
  const diff = useApiData(load);
  return (
    <AsyncView source={diff}>
      {(d) => (
        <div data-testid="config-version-diff">
          <h3>{d.from === null ? `Version ${d.to}, the first` : `Version ${d.from} → version ${d.to}`}</h3>
          <DiffView diff={d.diff} label={`Changes in version ${d.to}`} />
        </div>
      )}
    </AsyncView>
  );
}
