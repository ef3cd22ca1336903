import type { ReactNode } from 'react';
import { useAuth } from '../auth/auth-context';
import type { Permission } from '../auth/permissions';

/** Renders its children only for a role that holds the permission: nobody sees a button it may not press. */
export function Allowed({
  permission,
  children,
}: {
  readonly permission: Permission;
  readonly children: ReactNode;
}) {
  return useAuth().can(permission) ? children : null;
}
