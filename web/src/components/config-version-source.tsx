import { useCallback } from 'react';
import { getConfigVersion } from '../api/config-api';
import { useApiData } from '../hooks/use-api-data';
import { AsyncView } from './async-view';

/** The YAML of one applied configuration. */
export function ConfigVersionSource({ version }: { readonly version: number }) {
  const load = useCallback(() => getConfigVersion(version), [version]);
  const source = useApiData(load);
  return (
    <AsyncView source={source}>
      {(v) => (
        <pre className="code-block" data-testid="config-version-source">
          {v.source}
        </pre>
      )}
    </AsyncView>
  );
}
