import type { IncomingMessage } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { unmapAddress } from '../defend/index.js';
import { buildUpstreamHeaders } from './forwarding-headers.js';
import { statusText } from './gateway-responses.js';
import type { RequestContext } from './request-context.js';

/** What a tunnel reports when it ends. */
export interface TunnelResult {
  /** The upstream's status (101 when it switched protocols), 502/504 when it never answered. */
  readonly status: number;
  readonly error: string;
}

/**
 * Passes an Upgrade request (a WebSocket) through to the upstream, then splices the two sockets.
 * The request head goes out with forwarding headers; the upstream's answer goes back as it is.
 */
export function openTunnel(
  ctx: RequestContext,
  client: Socket,
  head: Buffer,
  tunnels: Set<Socket>,
): Promise<TunnelResult> {
  const req: IncomingMessage = ctx.req;
  const route = ctx.route!;
  const origin = new URL(route.upstream.origins[0]!);
  const secure = origin.protocol === 'https:';
  const port = Number(origin.port || (secure ? 443 : 80));
  const host = origin.hostname.replace(/^\[|\]$/g, '');
  const upstream = secure
    ? tlsConnect({ host, port, servername: host === origin.hostname ? host : undefined })
    : netConnect({ host, port });
  tunnels.add(client);
  tunnels.add(upstream);
  const server = ctx.snapshot.config.server;
  const headers = buildUpstreamHeaders(req.rawHeaders, {
    // The hop that connected to us (a trusted proxy's own address), not the client it speaks for.
    peer: unmapAddress(req.socket.remoteAddress ?? ''),
    peerTrusted: ctx.snapshot.trustedProxies.has(req.socket.remoteAddress ?? ''),
    proto: ctx.protocol,
    host: req.headers.host ?? '',
    requestIdHeader: server.requestIdHeader,
    requestId: ctx.requestId,
    upgrade: true,
  });
  let lines = `${req.method} ${req.url} HTTP/1.1\r\n`;
  for (let i = 0; i < headers.length; i += 2) lines += `${headers[i]}: ${headers[i + 1]}\r\n`;

  return new Promise((resolve) => {
    let status = 0;
    let error = '';
    const fail = (code: 502 | 504, reason: string) => {
      status = code;
      error = reason;
      if (client.writable) {
        client.end(
          `HTTP/1.1 ${code} ${statusText(code)}\r\ncontent-length: 0\r\n` +
            `${server.requestIdHeader}: ${ctx.requestId}\r\nconnection: close\r\n\r\n`,
        );
      }
      upstream.destroy();
    };
    const timer = setTimeout(() => fail(504, 'upstream-timeout'), route.upstream.connectTimeoutMs);
    upstream.setNoDelay(true);
    client.setNoDelay(true);
    upstream.once(secure ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      upstream.write(`${lines}\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.once('data', (chunk: Buffer) => {
      status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(chunk.subarray(0, 16).toString('latin1'))?.[1] ?? 0);
    });
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (status === 0) fail(502, 'upstream-unreachable');
      else error ||= err.code ?? 'upstream-error';
    });
    client.on('error', () => upstream.destroy());
    const finish = () => {
      clearTimeout(timer);
      // A tunnel whose upstream never answered still owes the client a status line.
      if (status === 0) fail(502, 'upstream-closed');
      else client.destroy();
      upstream.destroy();
      if (!tunnels.delete(client)) return;
      tunnels.delete(upstream);
      resolve({ status, error });
    };
    client.once('close', finish);
    upstream.once('close', finish);
  });
}
