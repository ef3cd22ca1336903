import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One answer of the control plane. */
export interface ControlResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** A GET route of the control plane. */
export type ControlHandler = (req: IncomingMessage) => ControlResponse | Promise<ControlResponse>;

/** Serializes a value as a JSON answer. */
export function json(status: number, value: unknown): ControlResponse {
  return { status, contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(value)}\n` };
}

/**
 * Creates the control listener's server over a table of GET routes. Anything else is 404 or 405, and a
 * failing handler is a 500 with no detail.
 */
export function createControlServer(
  routes: Readonly<Record<string, ControlHandler>>,
  onFault: (err: unknown) => void,
): Server {
  const answer = (res: ServerResponse, reply: ControlResponse) => {
    res.writeHead(reply.status, {
      'content-type': reply.contentType,
      'content-length': Buffer.byteLength(reply.body),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(reply.body);
  };
  return createServer({ requireHostHeader: true }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const handler = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (handler === undefined) return answer(res, json(404, { error: 'not found' }));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return answer(res, json(405, { error: 'method not allowed' }));
    }
    Promise.resolve()
      .then(() => handler(req))
      .then(
        (reply) => answer(res, reply),
        (err: unknown) => {
          onFault(err);
          answer(res, json(500, { error: 'internal error' }));
        },
      );
  });
}
