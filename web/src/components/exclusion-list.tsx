import { listExclusions } from '../api/exclusions-api';
import { useApiData } from '../hooks/use-api-data';
import { AsyncView } from './async-view';

/** The detection exclusions in force. */
export function ExclusionList() {
  const exclusions = useApiData(listExclusions);
  return (
    <AsyncView
      source={exclusions}
      isEmpty={(list) => list.length === 0}
      empty="No exclusions: silence a false positive from its event."
    >
      {(list) => (
        <div className="table-wrap">
          <table className="table" aria-label="Exclusions">
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col">Path prefix</th>
                <th scope="col">Location</th>
                <th scope="col">Analyzer</th>
                <th scope="col">Rule</th>
              </tr>
            </thead>
            <tbody>
              {list.map((x) => (
                <tr key={JSON.stringify(x)} data-testid="exclusion-row">
                  <td>{x.site ?? 'any'}</td>
                  <td className="mono">{x.path ?? 'any'}</td>
                  <td className="mono">{x.location ?? 'any'}</td>
                  <td>{x.analyzer ?? 'any'}</td>
                  <td className="mono">{x.rule ?? 'any'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AsyncView>
  );
}
