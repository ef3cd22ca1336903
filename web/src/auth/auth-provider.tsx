import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { type Credentials, fetchMe, login, logout } from '../api/auth-api';
import {
  endSession,
  hasRefreshToken,
  onSessionEnd,
  refreshSession,
  refreshToken,
  startSession,
} from '../api/session';
import { type Auth, AuthContext, type AuthState } from './auth-context';
import { can } from './permissions';

/** Holds the session: resumes it from the tab's refresh token, signs in and out, ends it when refresh fails. */
export function AuthProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() =>
    hasRefreshToken() ? { status: 'loading' } : { status: 'signed-out' },
  );

  useEffect(
    () =>
      onSessionEnd(() =>
        setState({ status: 'signed-out', notice: 'Your session has ended: sign in again.' }),
      ),
    [],
  );

  useEffect(() => {
    if (!hasRefreshToken()) return;
    refreshSession()
      .then((ok) => (ok ? fetchMe() : undefined))
      .then(
        (me) => setState(me ? { status: 'signed-in', me } : { status: 'signed-out' }),
        () => setState({ status: 'signed-out' }),
      );
  }, []);

  const signIn = useCallback(async (credentials: Credentials) => {
    startSession(await login(credentials));
    setState({ status: 'signed-in', me: await fetchMe() });
  }, []);

  const signOut = useCallback(async () => {
    const token = refreshToken();
    // Leaving must not depend on the API answering.
    if (token !== undefined) await logout(token).catch(() => undefined);
    endSession();
    setState({ status: 'signed-out' });
  }, []);

  const reloadMe = useCallback(async () => {
    setState({ status: 'signed-in', me: await fetchMe() });
  }, []);

  const auth = useMemo<Auth>(
    () => ({
      state,
      signIn,
      signOut,
      reloadMe,
      can: (permission) => state.status === 'signed-in' && can(state.me.role, permission, state.me.scopes),
    }),
    [state, signIn, signOut, reloadMe],
  );
  return <AuthContext value={auth}>{children}</AuthContext>;
}
