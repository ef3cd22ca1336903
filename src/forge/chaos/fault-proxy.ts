import {
  createServer,
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { InfinisecError } from '../../core/index.js';
import { endToEnd } from './end-to-end-headers.js';
import { type ExchangePlan, planExchange, type StopEffect } from './exchange-plan.js';
import type { Fault, FaultEffect } from './fault.js';
import { formatListenAddress, type ListenAddress } from './listen-address.js';
import { resetAfter } from './reset-after.js';
import { createThrottle } from './throttle.js';
import { waitOrAbort } from './wait-or-abort.js';

/** A fault armed in the proxy for one stretch of time. */
export interface ArmedFault {
  /** Unique among those armed at once: the fault's name and round. */
  readonly id: string;
  /** The fault's name, under which its hits are counted. */
  readonly name: string;
  readonly inScope: (host: string, path: string) => boolean;
  readonly fault: Fault;
  /** Its place among the faults (its position in the file): lower acts first. Default 0. */
  readonly rank?: number;
}

/** Requests the proxy has seen, and what the faults did to them. */
export interface ProxyCounts {
  readonly requests: number;
  /** Requests no fault hit. */
  readonly untouched: number;
  /** Requests each fault hit, by fault name. */
  readonly injected: Readonly<Record<string, number>>;
}

/** A fault-injecting HTTP proxy in front of one upstream; transparent while no fault is armed. */
export interface FaultProxy {
  readonly address: ListenAddress;
  /** `http://host:port`, to point a gateway's upstream at. */
  readonly url: string;
  arm(armed: ArmedFault): void;
  /** Lifts one fault; requests it holds go on to the upstream. */
  disarm(id: string): void;
  /** Lifts every fault at once: the proxy is transparent from now on. */
  disarmAll(): void;
  counts(): ProxyCounts;
  /** Stops listening and cuts every connection, held ones included. */
  close(): Promise<void>;
}

const UNREACHABLE = 'chaos proxy: the upstream cannot be reached\n';

/**
 * Starts the fault proxy on `listen`, forwarding to `upstream` (an origin). Plain HTTP in; HTTP or HTTPS out.
 * Throws INFINISEC_ERR_LISTEN when the address cannot be bound.
 * @example const proxy = await startFaultProxy({ listen: { host: '127.0.0.1', port: 3100 }, upstream: 'http://127.0.0.1:3000' });
 */
export async function startFaultProxy(options: {
  readonly listen: ListenAddress;
  readonly upstream: string;
}): Promise<FaultProxy> {
  const target = new URL(options.upstream);
  const https = target.protocol === 'https:';
  const agent = https
    ? new HttpsAgent({ keepAlive: true, maxSockets: 256 })
    : new HttpAgent({ keepAlive: true, maxSockets: 256 });
  const armed = new Map<string, { armed: ArmedFault; release: AbortController }>();
  const closing = new AbortController();
  const injected: Record<string, number> = {};
  let requests = 0;
  let untouched = 0;

  const forward = (req: IncomingMessage, res: ServerResponse, plan: ExchangePlan) => {
    const upstreamReq = (https ? httpsRequest : httpRequest)({
      protocol: target.protocol,
      hostname: target.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: target.port,
      method: req.method,
      path: req.url,
      headers: endToEnd(req.rawHeaders),
      agent,
    });
    upstreamReq.once('error', () => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(502, {
        'content-type': 'text/plain; charset=utf-8',
        'content-length': UNREACHABLE.length,
      });
      res.end(UNREACHABLE);
    });
    upstreamReq.once('response', (upstreamRes) => {
      res.writeHead(
        upstreamRes.statusCode ?? 502,
        upstreamRes.statusMessage,
        endToEnd(upstreamRes.rawHeaders),
      );
      if (plan.resetAfterBytes !== undefined) return resetAfter(upstreamRes, res, plan.resetAfterBytes);
      const stages = plan.bytesPerSecond === undefined ? [] : [createThrottle(plan.bytesPerSecond)];
      pipeline([upstreamRes, ...stages, res]).catch(() => res.destroy());
    });
    res.once('close', () => {
      if (!res.writableFinished) upstreamReq.destroy();
    });
    pipeline(req, upstreamReq).catch(() => upstreamReq.destroy());
  };

  const stopHere = async (
    req: IncomingMessage,
    res: ServerResponse,
    stop: StopEffect,
    plan: ExchangePlan,
    release: AbortSignal,
    gone: AbortSignal,
  ) => {
    switch (stop.type) {
      case 'respond':
        req.resume();
        res.writeHead(stop.status, stop.headers);
        res.end(stop.body);
        return;
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'drop':
        req.socket.destroy();
        return;
      case 'hold': {
        const ended = await waitOrAbort(stop.ms, AbortSignal.any([release, gone, closing.signal]));
        if (ended === 'elapsed') req.socket.destroy();
        else if (!gone.aborted && !closing.signal.aborted) forward(req, res, plan);
      }
    }
  };

  const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
    requests++;
    const host = req.headers.host ?? '';
    const path = (req.url ?? '/').split('?')[0]!;
    const effects: FaultEffect[] = [];
    const releases: AbortSignal[] = [closing.signal];
    for (const entry of armed.values()) {
      if (!entry.armed.inScope(host, path)) continue;
      const effect = entry.armed.fault.hit();
      if (effect === undefined) continue;
      effects.push(effect);
      releases.push(entry.release.signal);
      injected[entry.armed.name] = (injected[entry.armed.name] ?? 0) + 1;
    }
    if (effects.length === 0) {
      untouched++;
      return forward(req, res, planExchange(effects));
    }
    const plan = planExchange(effects);
    const gone = new AbortController();
    res.once('close', () => gone.abort());
    // A lifted fault ends the wait early; the request then goes on as the faults still armed decide.
    const release = AbortSignal.any(releases);
    void (async () => {
      if (plan.delayMs > 0) await waitOrAbort(plan.delayMs, AbortSignal.any([release, gone.signal]));
      if (gone.signal.aborted || closing.signal.aborted) return;
      if (plan.stop !== undefined) return stopHere(req, res, plan.stop, plan, release, gone.signal);
      forward(req, res, plan);
    })();
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // A client that resets mid-request is its own business, not the proxy's.
  server.on('clientError', (_err, socket) => socket.destroy());

  const address = await listen(server, options.listen);
  let closed: Promise<void> | undefined;
  return {
    address,
    url: `http://${formatListenAddress(address)}`,
    arm(entry) {
      armed.set(entry.id, { armed: entry, release: new AbortController() });
      // Faults act in rank order, whatever order the rounds arm and lift them in (the sort is stable).
      const ranked = [...armed].sort(([, a], [, b]) => (a.armed.rank ?? 0) - (b.armed.rank ?? 0));
      armed.clear();
      for (const [id, value] of ranked) armed.set(id, value);
    },
    disarm(id) {
      armed.get(id)?.release.abort();
      armed.delete(id);
    },
    disarmAll() {
      for (const entry of armed.values()) entry.release.abort();
      armed.clear();
    },
    counts: () => ({ requests, untouched, injected: { ...injected } }),
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort();
        armed.clear();
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
        agent.destroy();
      });
      return closed;
    },
  };
}

function listen(server: ReturnType<typeof createServer>, address: ListenAddress): Promise<ListenAddress> {
  return new Promise((resolve, reject) => {
    server.once('error', (cause: NodeJS.ErrnoException) => {
      reject(
        new InfinisecError(
          'INFINISEC_ERR_LISTEN',
          'forge.chaos',
          `${formatListenAddress(address)}: ${cause.code ?? cause.message}`,
          { cause },
        ),
      );
    });
    server.listen(address.port, address.host, () => {
      const bound = server.address() as AddressInfo;
      resolve({ host: address.host, port: bound.port });
    });
  });
}
