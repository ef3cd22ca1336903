import type { PublicUser, Role } from './account-types';
import { apiRequest } from './api-client';

/** Users, by username. */
export const listUsers = () => apiRequest<{ users: PublicUser[] }>('GET', '/api/users').then((r) => r.users);

/** Creates a user. */
export const createUser = (input: { username: string; password: string; role: Role }) =>
  apiRequest<PublicUser>('POST', '/api/users', { json: input });

/** Changes a user's role, disables or enables it, unlocks it or resets its password. */
export const updateUser = (
  id: string,
  change: { role?: Role; disabled?: boolean; unlock?: true; password?: string },
) => apiRequest<PublicUser>('PATCH', `/api/users/${encodeURIComponent(id)}`, { json: change });

/** Removes a user. */
export const deleteUser = (id: string) => apiRequest<void>('DELETE', `/api/users/${encodeURIComponent(id)}`);
