import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { AuthService } from '../auth-service.js';
import { newUser, publicUser } from '../auth-service.js';
import type { ControlDeps } from '../control-deps.js';
import { HttpError } from '../http/http-error.js';
import { type Route, route } from '../http/router.js';

const credentials = z.strictObject({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(1024),
  code: z.string().max(16).optional(),
  recoveryCode: z.string().max(64).optional(),
});
const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(256) });

/** Setup, login, token refresh, logout, MFA and password routes. */
export function authRoutes(deps: ControlDeps, auth: AuthService, clock: () => number): Route[] {
  let setupToken = deps.options.setupToken;
  return [
    route({
      method: 'POST',
      path: '/api/setup',
      access: 'public',
      tag: 'auth',
      summary: 'Create the first admin with the one-time setup token printed at first start.',
      body: z.strictObject({
        token: z.string().min(1).max(256),
        username: z.string().min(1).max(128),
        password: z.string().min(1).max(1024),
      }),
      async handle({ body, ip }) {
        const expected = setupToken;
        if (expected === undefined || (await deps.stores.users.count()) > 0)
          throw new HttpError(409, 'setup is done: sign in instead');
        const given = Buffer.from(body.token);
        const wanted = Buffer.from(expected);
        if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
          throw new HttpError(403, 'the setup token does not match');
        const user = await newUser(
          { username: body.username, password: body.password, role: 'admin' },
          clock(),
        );
        if (!(await deps.stores.users.create(user)))
          throw new HttpError(409, 'setup is done: sign in instead');
        setupToken = undefined;
        await deps.audit.append({
          actor: 'setup',
          action: 'user.create',
          target: user.username,
          outcome: 'success',
          ip,
          details: { role: 'admin', via: 'setup-token' },
        });
        return { status: 201, json: publicUser(user, clock()) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/auth/login',
      access: 'public',
      tag: 'auth',
      summary:
        'Sign in; users with MFA add `code` (TOTP) or `recoveryCode`. Returns access and refresh tokens.',
      body: credentials,
      handle: async ({ body, ip }) => ({ json: await auth.login(body, ip) }),
    }),
    route({
      method: 'POST',
      path: '/api/auth/refresh',
      access: 'public',
      tag: 'auth',
      summary: 'Exchange a refresh token for new tokens; reusing a refresh token revokes the whole login.',
      body: refreshBody,
      handle: async ({ body, ip }) => ({ json: await auth.refresh(body.refreshToken, ip) }),
    }),
    route({
      method: 'POST',
      path: '/api/auth/logout',
      access: 'authenticated',
      tag: 'auth',
      summary: 'End the login the refresh token belongs to.',
      body: refreshBody,
      async handle({ body, principal, ip }) {
        await auth.logout(body.refreshToken, principal!, ip);
        return { status: 204 };
      },
    }),
    route({
      method: 'GET',
      path: '/api/auth/me',
      access: 'authenticated',
      tag: 'auth',
      summary: 'Who the caller is, with its role and permissions.',
      async handle({ principal }) {
        const user = principal!.kind === 'user' ? await deps.stores.users.get(principal!.id) : undefined;
        return {
          json: {
            kind: principal!.kind,
            id: principal!.id,
            name: principal!.name,
            role: principal!.role,
            scopes: principal!.scopes,
            mfa: principal!.mfa,
            ...(user ? { user: publicUser(user, clock()) } : {}),
          },
        };
      },
    }),
    route({
      method: 'POST',
      path: '/api/auth/mfa/enroll',
      access: 'authenticated',
      tag: 'auth',
      summary: 'Start TOTP enrolment: returns a new seed and its otpauth URI.',
      async handle({ principal }) {
        if (principal!.kind !== 'user') throw new HttpError(403, 'API keys have no second factor');
        return { json: await auth.enrollMfa(principal!) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/auth/mfa/confirm',
      access: 'authenticated',
      tag: 'auth',
      summary: 'Confirm enrolment with a code; returns ten recovery codes, shown once.',
      body: z.strictObject({ code: z.string().min(1).max(16) }),
      async handle({ principal, body, ip }) {
        if (principal!.kind !== 'user') throw new HttpError(403, 'API keys have no second factor');
        return { json: await auth.confirmMfa(principal!, body.code, ip) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/auth/mfa/disable',
      access: 'authenticated',
      tag: 'auth',
      summary: 'Turn MFA off (needs the password).',
      body: z.strictObject({ password: z.string().min(1).max(1024) }),
      async handle({ principal, body, ip }) {
        if (principal!.kind !== 'user') throw new HttpError(403, 'API keys have no second factor');
        await auth.disableMfa(principal!, body.password, ip);
        return { status: 204 };
      },
    }),
    route({
      method: 'POST',
      path: '/api/auth/password',
      access: 'authenticated',
      tag: 'auth',
      summary: "Change the caller's password; ends all its logins.",
      body: z.strictObject({ current: z.string().min(1).max(1024), next: z.string().min(1).max(1024) }),
      async handle({ principal, body, ip }) {
        if (principal!.kind !== 'user') throw new HttpError(403, 'API keys have no password');
        await auth.changePassword(principal!, body.current, body.next, ip);
        return { status: 204 };
      },
    }),
  ];
}
