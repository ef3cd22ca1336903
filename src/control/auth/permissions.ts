import type { Role } from '../../core/index.js';

/** Everything the control plane lets a principal do, as `<resource>:<verb>`. */
export const PERMISSIONS = [
  'events:read',
  'stream:read',
  'decisions:read',
  'decisions:write',
  'labyrinth:read',
  'incidents:read',
  'analysis:run',
  'config:read',
  'config:write',
  'changes:read',
  'changes:approve',
  'reports:read',
  'audit:read',
  'audit:export',
  'users:read',
  'users:write',
  'apikeys:read',
  'apikeys:write',
  'metrics:read',
  'privacy:manage',
] as const;

/** One permission. */
export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: readonly Permission[] = [
  'events:read',
  'stream:read',
  'decisions:read',
  'labyrinth:read',
  'incidents:read',
  'metrics:read',
];
const ANALYST: readonly Permission[] = [
  ...VIEWER,
  'analysis:run',
  'config:read',
  'changes:read',
  'reports:read',
  'audit:read',
  'audit:export',
];
const OPERATOR: readonly Permission[] = [...ANALYST, 'decisions:write', 'config:write', 'changes:approve'];

/** What each role may do; each role may do all its juniors may. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = Object.freeze({
  viewer: new Set(VIEWER),
  analyst: new Set(ANALYST),
  operator: new Set(OPERATOR),
  admin: new Set(PERMISSIONS),
});

/** Whether a string names a permission (to validate the scopes of a new API key). */
export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/**
 * Whether a principal of this role may do this; non-empty scopes (an API key's) narrow the role, never widen it.
 * @example can('operator', 'config:write', ['config:read']) // false
 */
export function can(role: Role, permission: Permission, scopes?: readonly string[]): boolean {
  // A role read from storage is not checked by the type system: an unknown one may do nothing.
  if (!Object.hasOwn(ROLE_PERMISSIONS, role) || !ROLE_PERMISSIONS[role].has(permission)) return false;
  return scopes === undefined || scopes.length === 0 || scopes.includes(permission);
}
