import type { Tokens } from './account-types';

// The refresh token outlives a page reload but not the tab; the access token never leaves memory.
const REFRESH_KEY = 'infinisec.refreshToken';
// Refresh this long before the access token expires.
const REFRESH_AHEAD_MS = 60_000;

let access: { token: string; expiresAt: number } | undefined;
let refreshing: Promise<boolean> | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
const endListeners = new Set<() => void>();

/** The access token in memory, if signed in. */
export function accessToken(): string | undefined {
  return access?.token;
}

/** Whether this tab holds a refresh token (a login to resume after a reload). */
export function hasRefreshToken(): boolean {
  return sessionStorage.getItem(REFRESH_KEY) !== null;
}

/** The refresh token, for logout. */
export function refreshToken(): string | undefined {
  return sessionStorage.getItem(REFRESH_KEY) ?? undefined;
}

/** Keeps new tokens and schedules their refresh before the access token expires. */
export function startSession(tokens: Tokens): void {
  access = { token: tokens.accessToken, expiresAt: Date.now() + tokens.expiresIn * 1000 };
  sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
  clearTimeout(timer);
  timer = setTimeout(
    () => void refreshSession(),
    Math.max(5_000, tokens.expiresIn * 1000 - REFRESH_AHEAD_MS),
  );
}

/**
 * Exchanges the refresh token for new tokens; resolves to whether the session goes on. Calls made while one
 * exchange runs share it: a refresh token sent twice would revoke the whole login.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= exchange().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

/** An access token that is not about to expire, refreshed first when needed. */
export async function freshAccessToken(): Promise<string | undefined> {
  if (access === undefined || access.expiresAt - Date.now() < REFRESH_AHEAD_MS / 2) await refreshSession();
  return access?.token;
}

/** Forgets the tokens and tells whoever listens that the session is over. */
export function endSession(): void {
  const wasSignedIn = access !== undefined || hasRefreshToken();
  access = undefined;
  sessionStorage.removeItem(REFRESH_KEY);
  clearTimeout(timer);
  if (wasSignedIn) for (const listener of endListeners) listener();
}

/** Calls `listener` when the session ends (logout, or a refresh that failed); returns the unsubscribe. */
export function onSessionEnd(listener: () => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

async function exchange(): Promise<boolean> {
  const token = refreshToken();
  if (token === undefined) return false;
  try {
    const response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: token }),
    });
    if (response.ok) {
      startSession((await response.json()) as Tokens);
      return true;
    }
    // A refused refresh token is final; anything else (a restart, a 5xx) may pass: keep it for the next try.
    if (response.status === 401 || response.status === 400) endSession();
    return false;
  } catch {
    return false;
  }
}
