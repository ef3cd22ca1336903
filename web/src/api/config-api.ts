import { apiRequest } from './api-client';
import type { ConfigAccepted, ConfigVersion, RunningConfig } from './config-types';

/** The running configuration as YAML. */
export const getConfig = () => apiRequest<RunningConfig>('GET', '/api/config');

/** Applied configurations, newest first. */
export const listConfigVersions = () =>
  apiRequest<{ versions: ConfigVersion[] }>('GET', '/api/config/versions').then((r) => r.versions);

/** One applied configuration with its YAML. */
export const getConfigVersion = (version: number) =>
  apiRequest<ConfigVersion>('GET', `/api/config/versions/${version}`);

/** Checks YAML without applying it; a refusal is an ApiError (422) listing `problems`. */
export const validateConfig = (yaml: string) =>
  apiRequest<ConfigAccepted>('POST', '/api/config/validate', { yaml });

/** Checks and applies YAML as a new version. */
export const applyConfig = (yaml: string, comment: string) =>
  apiRequest<ConfigAccepted>('POST', '/api/config/apply', { yaml, query: { comment } });
