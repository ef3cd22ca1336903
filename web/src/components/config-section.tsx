import { getConfig, listConfigVersions } from '../api/config-api';
import { useApiData } from '../hooks/use-api-data';
import { AsyncView } from './async-view';
import { ConfigEditor } from './config-editor';
import { ConfigVersions } from './config-versions';
import { ExclusionList } from './exclusion-list';

/** The configuration settings: the editor, the exclusions in force and the applied versions. */
export function ConfigSection() {
  const running = useApiData(getConfig);
  const versions = useApiData(listConfigVersions);
  const onApplied = () => {
    running.reload();
    versions.reload();
  };
  return (
    <div className="stack">
      <AsyncView source={running}>
        {(config) => <ConfigEditor running={config} onApplied={onApplied} />}
      </AsyncView>
      <div className="card">
        <h2>Exclusions</h2>
        <ExclusionList />
      </div>
      <div className="card">
        <h2>Versions</h2>
        <AsyncView
          source={versions}
          isEmpty={(list) => list.length === 0}
          empty="No configuration applied yet."
        >
          {(list) => <ConfigVersions versions={list} onRolledBack={onApplied} />}
        </AsyncView>
      </div>
    </div>
  );
}
