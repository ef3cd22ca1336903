import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a demo route handler gets for one request. */
export interface DemoContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The path without query string or trailing slash, still percent-encoded. */
  readonly path: string;
  /** The capture groups of the route pattern, still percent-encoded. */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
}

/** Answers one request; may be async. */
export type DemoHandler = (ctx: DemoContext) => void | Promise<void>;

/** The methods a demo route may answer; HEAD is served by the GET handler. */
export type DemoMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One path pattern and its handler per method. */
export interface DemoRoute {
  readonly pattern: RegExp;
  readonly methods: Readonly<Partial<Record<DemoMethod, DemoHandler>>>;
}
