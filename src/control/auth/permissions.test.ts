import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../core/index.js';
import { can, isPermission, PERMISSIONS, type Permission, ROLE_PERMISSIONS } from './permissions.js';

// The RBAC matrix, written out by hand: changing who may do what must change this table.
// Columns: viewer, analyst, operator, admin.
const MATRIX: Record<Permission, [boolean, boolean, boolean, boolean]> = {
  'events:read': [true, true, true, true],
  'stream:read': [true, true, true, true],
  'decisions:read': [true, true, true, true],
  'labyrinth:read': [true, true, true, true],
  'incidents:read': [true, true, true, true],
  'metrics:read': [true, true, true, true],
  'analysis:run': [false, true, true, true],
  'config:read': [false, true, true, true],
  'audit:read': [false, true, true, true],
  'audit:export': [false, true, true, true],
  'changes:read': [false, true, true, true],
  'reports:read': [false, true, true, true],
  'changes:approve': [false, false, true, true],
  'decisions:write': [false, false, true, true],
  'config:write': [false, false, true, true],
  'users:read': [false, false, false, true],
  'users:write': [false, false, false, true],
  'apikeys:read': [false, false, false, true],
  'apikeys:write': [false, false, false, true],
  'privacy:manage': [false, false, false, true],
};

const CELLS = PERMISSIONS.flatMap((permission) =>
  ROLES.map((role, column) => [role, permission, MATRIX[permission][column]] as const),
);

describe('the RBAC matrix', () => {
  it('lists every permission exactly once', () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    expect(Object.keys(MATRIX).sort()).toEqual([...PERMISSIONS].sort());
    expect(PERMISSIONS).toHaveLength(20);
  });

  it.each(CELLS)('%s may %s: %s', (role, permission, allowed) => {
    expect(ROLE_PERMISSIONS[role].has(permission)).toBe(allowed);
    expect(can(role, permission)).toBe(allowed);
  });

  it('gives each role all its juniors have', () => {
    for (let i = 1; i < ROLES.length; i++)
      for (const permission of ROLE_PERMISSIONS[ROLES[i - 1]!])
        expect(ROLE_PERMISSIONS[ROLES[i]!].has(permission)).toBe(true);
  });
});

describe('can with scopes', () => {
  it('treats empty scopes as the whole role', () => {
    expect(can('operator', 'config:write', [])).toBe(true);
  });

  it('narrows a role to its scopes', () => {
    expect(can('operator', 'config:read', ['config:read'])).toBe(true);
    expect(can('operator', 'config:write', ['config:read'])).toBe(false);
  });

  it('never widens a role', () => {
    expect(can('viewer', 'config:write', ['config:write'])).toBe(false);
    expect(can('analyst', 'users:write', ['users:write', 'events:read'])).toBe(false);
  });

  it('ignores scopes that name no permission', () => {
    expect(can('admin', 'users:read', ['*'])).toBe(false);
    expect(can('admin', 'users:read', ['users:*'])).toBe(false);
  });

  it('lets an unknown role do nothing', () => {
    expect(can('root' as Role, 'events:read')).toBe(false);
    expect(can('__proto__' as Role, 'events:read')).toBe(false);
  });
});

describe('isPermission', () => {
  it('knows the permissions and nothing else', () => {
    expect(isPermission('audit:export')).toBe(true);
    expect(isPermission('audit:delete')).toBe(false);
    expect(isPermission('')).toBe(false);
  });
});
