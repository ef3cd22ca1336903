import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InfinisecError } from '../../core/errors.js';
import { createRequestHandler } from './handle-request.js';
import { DEMO_ROUTES } from './routes.js';

/** Where the demo app listens. */
export interface DemoAppOptions {
  /** Defaults to 127.0.0.1. */
  readonly host?: string;
  /** Defaults to 0, any free port. */
  readonly port?: number;
}

/** A running demo app. */
export interface DemoApp {
  /** The base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops every connection, keep-alive ones included. */
  close(): Promise<void>;
}

/**
 * Starts Acme Outfitters, the small shop `infinisec start --demo` puts behind the gateway.
 * @example const app = await startDemoApp(); await fetch(`${app.url}/api/health`); await app.close();
 */
export async function startDemoApp(options: DemoAppOptions = {}): Promise<DemoApp> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(createRequestHandler(DEMO_ROUTES));
  await listen(server, host, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    close: () => {
      closing ??= closeServer(server);
      return closing;
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (cause) => {
      reject(new InfinisecError('INFINISEC_ERR_LISTEN', 'forge.demo', `${host}:${port}`, { cause }));
    });
    server.listen(port, host, () => resolve());
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // close() drops idle keep-alive sockets itself but waits out requests in flight (a stalled upload).
    server.closeAllConnections();
  });
}

// A wildcard address is not somewhere a client can connect to, so the URL names loopback instead.
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
