import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DemoHandler, DemoMethod, DemoRoute } from './demo-context.js';
import { sendMethodNotAllowed, sendNotFound, sendServerError } from './error-pages.js';
import { parseTarget } from './parse-target.js';

/** A `node:http` request listener that routes through the table and never lets a fault escape. */
export function createRequestHandler(
  routes: readonly DemoRoute[],
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const { path, query } = parseTarget(req.url);
    Promise.resolve()
      .then(() => dispatch(routes, req, res, path, query))
      .catch(() => {
        // The demo has no logger; the client learns only that something failed.
        if (res.headersSent) res.destroy();
        else sendServerError(res, path);
      });
  };
}

async function dispatch(
  routes: readonly DemoRoute[],
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    const method = req.method ?? 'GET';
    // Node drops the body of a HEAD answer itself, so the GET handler serves HEAD unchanged.
    const handler: DemoHandler | undefined =
      method === 'HEAD' ? route.methods.GET : route.methods[method as DemoMethod];
    if (handler) {
      await handler({ req, res, path, params: match.slice(1), query });
      return;
    }
    const allow = allowedMethods(route);
    if (method === 'OPTIONS') {
      res.writeHead(204, { allow });
      res.end();
      return;
    }
    sendMethodNotAllowed(res, path, allow);
    return;
  }
  sendNotFound(res, path);
}

function allowedMethods(route: DemoRoute): string {
  const methods = Object.keys(route.methods);
  if (route.methods.GET) methods.push('HEAD');
  return [...methods, 'OPTIONS'].join(', ');
}
