import type { Permission } from '../auth/permissions';

/** A page of the dashboard: its route, its name in the navigation and the permission it needs. */
export interface NavItem {
  readonly route: string;
  readonly label: string;
  /** Absent for pages every signed-in person may open. */
  readonly permission?: Permission;
}

/** The pages, in the order of the navigation. */
export const NAV_ITEMS: readonly NavItem[] = [
  { route: 'overview', label: 'Overview', permission: 'events:read' },
  { route: 'live', label: 'Live feed', permission: 'stream:read' },
  { route: 'labyrinth', label: 'Labyrinth', permission: 'labyrinth:read' },
  { route: 'decisions', label: 'Decisions', permission: 'decisions:read' },
  { route: 'incidents', label: 'Incidents', permission: 'incidents:read' },
  { route: 'approvals', label: 'Approvals', permission: 'changes:read' },
  { route: 'reports', label: 'Reports', permission: 'reports:read' },
  { route: 'audit', label: 'Audit', permission: 'audit:read' },
  { route: 'settings', label: 'Settings' },
];
