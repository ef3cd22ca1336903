import { AuthProvider } from './auth/auth-provider';
import { Dashboard } from './dashboard';

/** The dashboard: sign-in until signed in, then the pages in their frame. */
export function App() {
  return (
    <AuthProvider>
      <Dashboard />
    </AuthProvider>
  );
}
