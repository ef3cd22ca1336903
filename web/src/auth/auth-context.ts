import { createContext, useContext } from 'react';
import type { Me } from '../api/account-types';
import type { Credentials } from '../api/auth-api';
import type { Permission } from './permissions';

/** Where the sign-in stands. */
export type AuthState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out'; readonly notice?: string }
  | { readonly status: 'signed-in'; readonly me: Me };

/** What the app knows of the signed-in person, and what it may do. */
export interface Auth {
  readonly state: AuthState;
  /** Signs in; rejects with the ApiError of the login (which may ask for a second factor). */
  signIn(credentials: Credentials): Promise<void>;
  signOut(): Promise<void>;
  /** Reads `/api/auth/me` again (after an MFA change). */
  reloadMe(): Promise<void>;
  /** Whether the signed-in role may do this. */
  can(permission: Permission): boolean;
}

export const AuthContext = createContext<Auth | undefined>(undefined);

/** The auth context; only inside AuthProvider. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (auth === undefined) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in person; only inside the signed-in app. */
export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useMe while not signed in');
  return state.me;
}
