import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Permission } from '../auth/index.js';
import type { Principal } from '../principal.js';
import { HttpError } from './http-error.js';
import { readJsonObject } from './read-body.js';

/** HTTP methods the control API answers. */
export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, anyone signed in, or holders of a permission. */
export type Access = 'public' | 'authenticated' | Permission;

/** What a handler gets. */
export interface RouteContext<Q = Record<string, unknown>, B = unknown> {
  readonly req: IncomingMessage;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Q;
  readonly body: B;
  /** Set on every route but public ones. */
  readonly principal: Principal | undefined;
  /** The caller's socket address. */
  readonly ip: string;
}

/** A handler's answer: JSON by default, or text of a given type. */
export interface Reply {
  readonly status?: number;
  readonly json?: unknown;
  readonly text?: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One route of the API, described well enough to be documented. */
export interface Route {
  readonly method: Method;
  /** `/api/decisions/{id}`: braces name path parameters. */
  readonly path: string;
  readonly access: Access;
  readonly summary: string;
  readonly tag: string;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** Largest body accepted (default 64 KiB). */
  readonly bodyLimit?: number;
  /** For routes whose body is not JSON (config text): the handler reads it. */
  readonly rawBody?: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: each route narrows its own query and body types
  readonly handle: (ctx: RouteContext<any, any>) => Promise<Reply> | Reply;
}

/** Declares a route with its query and body types inferred from its schemas. */
export function route<
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  spec: Omit<Route, 'query' | 'body' | 'handle'> & {
    readonly query?: Q;
    readonly body?: B;
    readonly handle: (
      ctx: RouteContext<
        Q extends z.ZodObject ? z.infer<Q> : Record<string, never>,
        B extends z.ZodType ? z.infer<B> : undefined
      >,
    ) => Promise<Reply> | Reply;
  },
): Route {
  return spec as Route;
}

/** Finds who is calling; throws HttpError 401 for a credential that is present but bad. */
export type Authenticate = (req: IncomingMessage) => Promise<Principal | undefined>;

/** Whether a principal holds a permission. */
export type Authorize = (principal: Principal, permission: Permission) => boolean;

const DEFAULT_BODY_LIMIT = 64 * 1024;

interface Compiled {
  readonly route: Route;
  readonly segments: readonly string[];
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
} as const;

/** Writes an answer with the security headers every control answer carries. */
export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body =
    reply.text ??
    (reply.json === undefined && reply.status === 204 ? '' : `${JSON.stringify(reply.json ?? {})}\n`);
  res.writeHead(reply.status ?? 200, {
    ...SECURITY_HEADERS,
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'content-type': reply.contentType ?? 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...reply.headers,
  });
  res.end(body);
}

/**
 * Routes requests to handlers: matches method and path, authenticates, checks the route's permission,
 * validates query and body against the route's schemas, and turns refusals into JSON answers. A handler
 * that fails unexpectedly gives a 500 with no detail; `onFault` hears the cause. A GET no route matches goes
 * to `fallback` (the dashboard's files) before it is a 404.
 */
export function createRouter(
  routes: readonly Route[],
  authenticate: Authenticate,
  authorize: Authorize,
  onFault: (err: unknown, route: Route | undefined) => void,
  fallback: (req: IncomingMessage, res: ServerResponse) => boolean = () => false,
): (req: IncomingMessage, res: ServerResponse) => void {
  const compiled: Compiled[] = routes.map((r) => ({ route: r, segments: r.path.split('/') }));
  return (req, res) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const pathname = (req.url ?? '/').split('?')[0]!;
      if (match(compiled, 'GET', pathname).kind === 'none' && fallback(req, res)) return;
    }
    let matched: Route | undefined;
    (async () => {
      const url = new URL(req.url ?? '/', 'http://control');
      const found = match(compiled, req.method ?? 'GET', url.pathname);
      if (found.kind === 'none') throw new HttpError(404, 'not found');
      if (found.kind === 'method')
        throw new HttpError(405, 'method not allowed', { headers: { allow: found.allow.join(', ') } });
      matched = found.route;
      const principal = await admit(found.route, req, authenticate, authorize);
      const query = parseQuery(found.route, url.searchParams);
      const body = found.route.rawBody
        ? undefined
        : found.route.body
          ? parseBody(found.route, await readJsonObject(req, found.route.bodyLimit ?? DEFAULT_BODY_LIMIT))
          : undefined;
      return found.route.handle({
        req,
        params: found.params,
        query,
        body,
        principal,
        ip: req.socket.remoteAddress ?? '',
      });
    })().then(
      (reply) => send(res, reply),
      (err: unknown) => {
        if (err instanceof HttpError) {
          send(res, {
            status: err.status,
            json: { error: err.message, ...err.extra },
            headers: err.headers,
          });
          return;
        }
        onFault(err, matched);
        send(res, { status: 500, json: { error: 'internal error' } });
      },
    );
  };
}

type Match =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  | { kind: 'method'; allow: string[] }
  | { kind: 'none' };

function match(compiled: readonly Compiled[], method: string, pathname: string): Match {
  const parts = pathname.split('/');
  const allow: string[] = [];
  for (const { route, segments } of compiled) {
    const params = matchSegments(segments, parts);
    if (params === undefined) continue;
    const head = method === 'HEAD' && route.method === 'GET';
    if (route.method === method || head) return { kind: 'route', route, params };
    allow.push(route.method);
  }
  return allow.length > 0 ? { kind: 'method', allow } : { kind: 'none' };
}

function matchSegments(
  segments: readonly string[],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.startsWith('{')) {
      let value: string;
      try {
        value = decodeURIComponent(parts[i]!);
      } catch {
        return undefined;
      }
      if (value === '') return undefined;
      params[segment.slice(1, -1)] = value;
    } else if (segment !== parts[i]) return undefined;
  }
  return params;
}

async function admit(
  route: Route,
  req: IncomingMessage,
  authenticate: Authenticate,
  authorize: Authorize,
): Promise<Principal | undefined> {
  if (route.access === 'public') return undefined;
  const principal = await authenticate(req);
  if (principal === undefined)
    throw new HttpError(401, 'authentication required', { headers: { 'www-authenticate': 'Bearer' } });
  if (route.access !== 'authenticated' && !authorize(principal, route.access))
    throw new HttpError(403, 'forbidden');
  return principal;
}

function parseQuery(route: Route, params: URLSearchParams): Record<string, unknown> {
  if (!route.query) return {};
  const raw: Record<string, string> = {};
  for (const [key, value] of params) raw[key] = value;
  const parsed = route.query.safeParse(raw);
  if (!parsed.success)
    throw new HttpError(400, 'bad query', { extra: { problems: problemsOf(parsed.error) } });
  return parsed.data as Record<string, unknown>;
}

function parseBody(route: Route, value: unknown): unknown {
  const parsed = route.body!.safeParse(value);
  if (!parsed.success)
    throw new HttpError(400, 'bad body', { extra: { problems: problemsOf(parsed.error) } });
  return parsed.data;
}

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
