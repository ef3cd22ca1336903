import { useAuth } from './auth/auth-context';
import { AppShell } from './components/app-shell';
import { LoadingState } from './components/loading-state';
import { LiveFeedProvider } from './feed/live-feed-provider';
import { useTheme } from './hooks/use-theme';
import { LoginPage } from './pages/login-page';
import { SetupPage } from './pages/setup-page';
import { RoutedPage } from './routed-page';
import { useHashRoute } from './router/hash-route';

/** Sign-in until signed in, then the routed page in its frame; the theme applies to both. */
export function Dashboard() {
  const { state } = useAuth();
  const { theme, toggle } = useTheme();
  const route = useHashRoute();
  if (state.status === 'loading') return <LoadingState label="Resuming your session…" />;
  if (state.status === 'signed-out' && route[0] === 'setup' && route[1])
    return <SetupPage token={route[1]} />;
  if (state.status === 'signed-out')
    return (
      <LoginPage theme={theme} onToggleTheme={toggle} {...(state.notice ? { notice: state.notice } : {})} />
    );
  return (
    <LiveFeedProvider>
      <AppShell current={route[0] ?? 'overview'} theme={theme} onToggleTheme={toggle}>
        <RoutedPage route={route} />
      </AppShell>
    </LiveFeedProvider>
  );
}
