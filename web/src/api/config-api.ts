import { apiRequest } from './api-client';
import type { ChangeView } from './change-types';
import type { ConfigApplied, ConfigDiff, ConfigValid, ConfigVersion, RunningConfig } from './config-types';

/** The running configuration as YAML. */
export const getConfig = () => apiRequest<RunningConfig>('GET', '/api/config');

/** Applied configurations, newest first. */
export const listConfigVersions = () =>
  apiRequest<{ versions: ConfigVersion[] }>('GET', '/api/config/versions').then((r) => r.versions);

/** One applied configuration with its YAML. */
export const getConfigVersion = (version: number) =>
  apiRequest<ConfigVersion>('GET', `/api/config/versions/${version}`);

/** What changed in a version, against the one before it unless `against` names another. */
export const getConfigDiff = (version: number, against?: number) =>
  apiRequest<ConfigDiff>('GET', `/api/config/versions/${version}/diff`, { query: { against } });

/** Checks YAML without applying it; a refusal is an ApiError (422) listing `problems`. */
export const validateConfig = (yaml: string) =>
  apiRequest<ConfigValid>('POST', '/api/config/validate', { yaml });

/** Checks and applies YAML as a new version, or records it as a change waiting for approval. */
export const applyConfig = (yaml: string, comment: string) =>
  apiRequest<ConfigApplied>('POST', '/api/config/apply', { yaml, query: { comment } });

/** Applies an earlier version again: the change request says whether it applied or waits for approval. */
export const rollbackConfig = (version: number, comment: string) =>
  apiRequest<{ change: ChangeView }>('POST', '/api/config/rollback', { json: { version, comment } }).then(
    (r) => r.change,
  );
