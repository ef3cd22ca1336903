import { ROLES, type Role } from '../api/account-types';

/** Every role as a select option. */
export const ROLE_OPTIONS: readonly (readonly [Role, string])[] = ROLES.map((role) => [role, role] as const);

/** The roles up to and including `ceiling`. */
export function rolesUpTo(ceiling: Role): readonly (readonly [Role, string])[] {
  return ROLE_OPTIONS.slice(0, ROLES.indexOf(ceiling) + 1);
}
