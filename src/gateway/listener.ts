import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server, type ServerOptions } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Config, ListenerConfig } from '../config/index.js';
import { InfinisecError } from '../core/index.js';

/** Where a listener ended up. */
export interface ListenerAddress {
  readonly protocol: 'http' | 'https';
  readonly host: string;
  readonly port: number;
  readonly url: string;
}

function serverOptions(config: Config): ServerOptions {
  const { limits, timeouts } = config.server;
  return {
    maxHeaderSize: limits.maxHeaderBytes,
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node checks the two timeouts above on this interval (30 s by default, too coarse for a gateway).
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(timeouts.headersMs / 4))),
    requireHostHeader: true,
    noDelay: true,
  };
}

/** Applies the settings a running server can change without a restart. */
export function applyServerSettings(server: Server, config: Config): void {
  const { limits, timeouts } = config.server;
  server.headersTimeout = timeouts.headersMs;
  server.requestTimeout = timeouts.requestMs;
  server.keepAliveTimeout = timeouts.keepAliveMs;
  server.maxHeadersCount = limits.maxHeadersCount;
}

/** Creates an HTTP or HTTPS server for one listener entry; TLS files are read now, so a bad path fails here. */
export function createListenerServer(listener: ListenerConfig, config: Config): Server {
  const options = serverOptions(config);
  let server: Server;
  if (listener.tls) {
    let tls: { cert: Buffer; key: Buffer };
    try {
      tls = { cert: readFileSync(listener.tls.cert), key: readFileSync(listener.tls.key) };
      server = createHttpsServer({ ...options, ...tls }) as unknown as Server;
    } catch (cause) {
      throw new InfinisecError('INFINISEC_ERR_TLS', 'gateway', `${listener.host}:${listener.port}`, {
        cause,
      });
    }
  } else {
    server = createHttpServer(options);
  }
  applyServerSettings(server, config);
  return server;
}

/** Binds a server; a port in use or a bad address becomes INFINISEC_ERR_LISTEN. */
export function listen(server: Server, listener: ListenerConfig): Promise<ListenerAddress> {
  return new Promise((resolve, reject) => {
    const onError = (cause: NodeJS.ErrnoException) =>
      reject(
        new InfinisecError(
          'INFINISEC_ERR_LISTEN',
          'gateway',
          `${listener.host}:${listener.port}: ${cause.code}`,
          {
            cause,
          },
        ),
      );
    server.once('error', onError);
    server.listen(listener.port, listener.host, () => {
      server.off('error', onError);
      const address = server.address() as AddressInfo;
      const protocol = listener.tls ? 'https' : 'http';
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const shown = host === '0.0.0.0' || host === '[::]' ? 'localhost' : host;
      resolve({
        protocol,
        host: address.address,
        port: address.port,
        url: `${protocol}://${shown}:${address.port}`,
      });
    });
  });
}
