import { ApiError } from './api-error';
import { accessToken, refreshSession } from './session';

/** Query parameters; undefined and empty values are left out. */
export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

/** How to send one request. */
export interface RequestOptions {
  readonly query?: Query;
  /** A body sent as JSON. */
  readonly json?: unknown;
  /** A body sent as YAML text. */
  readonly yaml?: string;
  /** Send no credential and never refresh (sign-in routes). */
  readonly anonymous?: boolean;
  /** Answer the body as text instead of parsing JSON. */
  readonly text?: boolean;
  readonly signal?: AbortSignal;
}

/** Builds `/api/...?...` from a path and a query. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(name, String(value));
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

/**
 * Calls the control API with the bearer token; on a 401 refreshes the session once and retries. Resolves to
 * the parsed JSON (undefined for 204); rejects with an ApiError carrying the API's `error` message.
 * @example const page = await apiRequest<EventPage>('GET', '/api/events', { query: { limit: 50 } });
 */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(method, path, options);
  if (response.status === 401 && !options.anonymous && (await refreshSession()))
    response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  if (response.ok && options.text) return text as T;
  const body = parse(text);
  if (!response.ok) {
    const message =
      typeof body.error === 'string'
        ? body.error
        : Array.isArray(body.problems)
          ? 'refused for these problems:'
          : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message, body);
  }
  return body as T;
}

function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {};
  const token = accessToken();
  if (token !== undefined && !options.anonymous) headers.authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.yaml !== undefined) {
    headers['content-type'] = 'application/yaml';
    body = options.yaml;
  } else if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  return fetch(apiUrl(path, options.query), {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

function parse(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
