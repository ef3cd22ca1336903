import type { ReactElement } from 'react';
import { useAuth } from './auth/auth-context';
import type { Permission } from './auth/permissions';
import { ForbiddenNotice } from './components/forbidden-notice';
import { ApprovalsPage } from './pages/approvals-page';
import { AuditPage } from './pages/audit-page';
import { ChangeDetailPage } from './pages/change-detail-page';
import { ClientPage } from './pages/client-page';
import { DecisionsPage } from './pages/decisions-page';
import { EventDetailPage } from './pages/event-detail-page';
import { IncidentsPage } from './pages/incidents-page';
import { LabyrinthPage } from './pages/labyrinth-page';
import { LiveFeedPage } from './pages/live-feed-page';
import { NotFoundPage } from './pages/not-found-page';
import { OverviewPage } from './pages/overview-page';
import { ReportsPage } from './pages/reports-page';
import { SettingsPage } from './pages/settings-page';

/** The page of a route and the permission it needs (settings check their own sections). */
function pageOf([first = 'overview', second]: readonly string[]): {
  page: ReactElement;
  permission?: Permission;
} {
  switch (first) {
    case 'overview':
      return { page: <OverviewPage />, permission: 'events:read' };
    case 'live':
      return { page: <LiveFeedPage />, permission: 'stream:read' };
    case 'events':
      return {
        page: second ? <EventDetailPage key={second} id={second} /> : <LiveFeedPage />,
        permission: 'events:read',
      };
    case 'clients':
      return {
        page: second ? <ClientPage key={second} ip={second} /> : <NotFoundPage />,
        permission: 'events:read',
      };
    case 'labyrinth':
      return {
        page: <LabyrinthPage {...(second ? { selected: second } : {})} />,
        permission: 'labyrinth:read',
      };
    case 'decisions':
      return { page: <DecisionsPage />, permission: 'decisions:read' };
    case 'incidents':
      return { page: <IncidentsPage />, permission: 'incidents:read' };
    case 'approvals':
      return {
        page: second ? <ChangeDetailPage key={second} id={second} /> : <ApprovalsPage />,
        permission: 'changes:read',
      };
    case 'reports':
      return { page: <ReportsPage {...(second ? { framework: second } : {})} />, permission: 'reports:read' };
    case 'audit':
      return { page: <AuditPage />, permission: 'audit:read' };
    case 'settings':
      return { page: <SettingsPage {...(second ? { section: second } : {})} /> };
    default:
      return { page: <NotFoundPage /> };
  }
}

/** Shows the page of the route, or why it may not be seen. */
export function RoutedPage({ route }: { readonly route: readonly string[] }) {
  const auth = useAuth();
  const { page, permission } = pageOf(route);
  return permission === undefined || auth.can(permission) ? page : <ForbiddenNotice />;
}
