import type { ApiKey, Role } from './account-types';
import { apiRequest } from './api-client';

/** API keys, newest first. */
export const listApiKeys = () => apiRequest<{ keys: ApiKey[] }>('GET', '/api/apikeys').then((r) => r.keys);

/** Creates a key; its token comes back this once. */
export const createApiKey = (input: { name: string; role: Role; scopes: string[]; ttlDays?: number }) =>
  apiRequest<ApiKey & { token: string }>('POST', '/api/apikeys', { json: input });

/** Revokes a key. */
export const revokeApiKey = (id: string) =>
  apiRequest<void>('DELETE', `/api/apikeys/${encodeURIComponent(id)}`);
