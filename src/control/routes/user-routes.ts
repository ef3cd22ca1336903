import { z } from 'zod';
import { type ApiKey, ROLES, type Role } from '../../core/index.js';
import { can, hashApiKeySecret, mintApiKey, PERMISSIONS, type Permission } from '../auth/index.js';
import { type AuthService, newUser, publicUser } from '../auth-service.js';
import type { ControlDeps } from '../control-deps.js';
import { HttpError } from '../http/http-error.js';
import { type Route, route } from '../http/router.js';
import { actorOf, type Principal } from '../principal.js';

const rank = (role: Role) => ROLES.indexOf(role);

/** An API key as the API shows it: never its hash. */
function publicKey(key: ApiKey) {
  const { secretHash: _secretHash, ...rest } = key;
  return rest;
}

/** Users and API keys. */
export function userRoutes(deps: ControlDeps, auth: AuthService, clock: () => number): Route[] {
  const { users, apiKeys } = deps.stores;

  const audited = (principal: Principal, ip: string, action: string, target: string, details = {}) =>
    deps.audit.append({ actor: actorOf(principal), action, target, outcome: 'success', ip, details });

  /** Refuses a change that would leave no enabled admin. */
  const keepAnAdmin = async (userId: string) => {
    const admins = (await users.list()).filter((u) => u.role === 'admin' && !u.disabled && u.id !== userId);
    if (admins.length === 0) throw new HttpError(409, 'this would leave no enabled admin');
  };

  return [
    route({
      method: 'GET',
      path: '/api/users',
      access: 'users:read',
      tag: 'users',
      summary: 'Users, by username.',
      handle: async () => ({ json: { users: (await users.list()).map((u) => publicUser(u, clock())) } }),
    }),
    route({
      method: 'POST',
      path: '/api/users',
      access: 'users:write',
      tag: 'users',
      summary: 'Create a user with a role.',
      body: z.strictObject({
        username: z.string().min(1).max(128),
        password: z.string().min(1).max(1024),
        role: z.enum(ROLES),
      }),
      async handle({ body, principal, ip }) {
        const user = await newUser(body, clock());
        if (!(await users.create(user))) throw new HttpError(409, 'this username is taken');
        await audited(principal!, ip, 'user.create', user.username, { role: user.role });
        return { status: 201, json: publicUser(user, clock()) };
      },
    }),
    route({
      method: 'PATCH',
      path: '/api/users/{id}',
      access: 'users:write',
      tag: 'users',
      summary: "Change a user's role, disable or enable it, unlock it, or reset its password.",
      body: z.strictObject({
        role: z.enum(ROLES).optional(),
        disabled: z.boolean().optional(),
        unlock: z.literal(true).optional(),
        password: z.string().min(1).max(1024).optional(),
      }),
      async handle({ params, body, principal, ip }) {
        const user = await users.get(params.id!);
        if (!user) throw new HttpError(404, 'no such user');
        if ((body.role !== undefined && body.role !== 'admin') || body.disabled === true) {
          if (user.role === 'admin') await keepAnAdmin(user.id);
        }
        const reset =
          body.password === undefined
            ? undefined
            : await newUser({ ...user, password: body.password }, clock());
        const updated = await users.update(user.id, {
          ...(body.role !== undefined ? { role: body.role } : {}),
          ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
          ...(body.unlock ? { failedLogins: 0, lockedUntil: 0 } : {}),
          ...(reset ? { passwordHash: reset.passwordHash } : {}),
        });
        if (body.disabled || reset || body.role !== undefined)
          await deps.stores.refreshTokens.revokeUser(user.id);
        await audited(principal!, ip, 'user.update', user.username, {
          ...(body.role !== undefined ? { role: body.role } : {}),
          ...(body.disabled !== undefined ? { disabled: body.disabled } : {}),
          unlock: Boolean(body.unlock),
          passwordReset: Boolean(reset),
        });
        return { json: publicUser(updated!, clock()) };
      },
    }),
    route({
      method: 'DELETE',
      path: '/api/users/{id}',
      access: 'users:write',
      tag: 'users',
      summary: 'Remove a user and end its logins.',
      async handle({ params, principal, ip }) {
        const user = await users.get(params.id!);
        if (!user) throw new HttpError(404, 'no such user');
        if (user.role === 'admin') await keepAnAdmin(user.id);
        await users.remove(user.id);
        await auth.forgetUser(user.id);
        await audited(principal!, ip, 'user.delete', user.username);
        return { status: 204 };
      },
    }),
    route({
      method: 'GET',
      path: '/api/apikeys',
      access: 'apikeys:read',
      tag: 'apikeys',
      summary: 'API keys (never their secrets), newest first.',
      handle: async () => ({ json: { keys: (await apiKeys.list()).map(publicKey) } }),
    }),
    route({
      method: 'POST',
      path: '/api/apikeys',
      access: 'apikeys:write',
      tag: 'apikeys',
      summary: 'Create an API key; its token is shown once. A key never gets more than its creator has.',
      body: z.strictObject({
        name: z.string().min(1).max(128),
        role: z.enum(ROLES),
        scopes: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length).default([]),
        ttlDays: z.number().int().min(1).max(3650).optional(),
      }),
      async handle({ body, principal, ip }) {
        if (rank(body.role) > rank(principal!.role))
          throw new HttpError(403, 'a key cannot outrank its creator');
        const beyond = body.scopes.filter((s: Permission) => !can(body.role, s));
        if (beyond.length > 0)
          throw new HttpError(400, `the role ${body.role} does not hold ${beyond.join(', ')}`);
        const minted = mintApiKey();
        const now = clock();
        const key: ApiKey = {
          id: minted.id,
          name: body.name,
          role: body.role,
          scopes: body.scopes,
          secretHash: hashApiKeySecret(minted.secret),
          created: now,
          createdBy: actorOf(principal!),
          expires: body.ttlDays === undefined ? null : now + body.ttlDays * 86_400_000,
          lastUsed: null,
          revoked: false,
        };
        await apiKeys.create(key);
        await audited(principal!, ip, 'apikey.create', key.id, {
          name: key.name,
          role: key.role,
          scopes: key.scopes,
          expires: key.expires,
        });
        return { status: 201, json: { ...publicKey(key), token: minted.token } };
      },
    }),
    route({
      method: 'DELETE',
      path: '/api/apikeys/{id}',
      access: 'apikeys:write',
      tag: 'apikeys',
      summary: 'Revoke an API key.',
      async handle({ params, principal, ip }) {
        const key = await apiKeys.update(params.id!, { revoked: true });
        if (!key) throw new HttpError(404, 'no such key');
        await audited(principal!, ip, 'apikey.revoke', key.id, { name: key.name });
        return { status: 204 };
      },
    }),
  ];
}
