import { isIP } from 'node:net';
import type { Config } from '../../config/index.js';
import type { LinkFacts } from '../../guardian/compliance/index.js';

const LOOPBACK_NAMES = new Set(['localhost', '::1', '[::1]']);

/** Whether a host name or address reaches this machine only. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return LOOPBACK_NAMES.has(bare.toLowerCase()) || (isIP(bare) === 4 && bare.startsWith('127.'));
}

// node-postgres: `sslmode` disable → clear text; prefer, require, verify-ca, verify-full → TLS with the
// certificate checked, unless `uselibpqcompat=true`, where prefer and require accept any certificate;
// no-verify → TLS, any certificate. Without `sslmode`: TLS only for `ssl=true` or a certificate option.
function postgresTls(params: URLSearchParams): LinkFacts['tls'] {
  const mode = params.get('sslmode');
  if (mode === 'disable') return 'off';
  if (mode === null) {
    const asked =
      ['true', '1'].includes(params.get('ssl') ?? '') ||
      ['sslcert', 'sslkey', 'sslrootcert'].some((p) => params.has(p)) ||
      params.get('sslnegotiation') === 'direct';
    return asked ? 'on' : 'off';
  }
  if (mode === 'no-verify') return 'unverified';
  if (params.get('uselibpqcompat') === 'true' && (mode === 'prefer' || mode === 'require'))
    return mode === 'require' && params.has('sslrootcert') ? 'on' : 'unverified';
  return 'on';
}

// A URL's host (never its credentials), and whether it stays on this machine (a Unix socket does).
function where(url: URL): { server: string; loopback: boolean } {
  const socket = url.searchParams.get('host') ?? safeDecode(url.hostname);
  if (socket.startsWith('/')) return { server: socket, loopback: true };
  const host = url.hostname || 'localhost';
  return { server: url.host || host, loopback: isLoopback(host) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parsed(text: string | undefined): URL | undefined {
  return text !== undefined && URL.canParse(text) ? new URL(text) : undefined;
}

/** Every listener and every connection to a shared store, and whether each is encrypted. */
export function inTransitFacts(config: Config): LinkFacts[] {
  const links: LinkFacts[] = config.server.listeners.map((l) => ({
    name: `public listener ${l.host}:${l.port}`,
    tls: l.tls ? 'on' : 'off',
    loopback: isLoopback(l.host),
  }));
  if (config.control.enabled)
    links.push({
      name: `control listener ${config.control.host}:${config.control.port}`,
      tls: 'off',
      loopback: isLoopback(config.control.host),
    });
  if (config.store.driver === 'postgres') {
    const postgres = parsed(config.store.postgres.url);
    if (postgres) {
      const { server, loopback } = where(postgres);
      links.push({ name: `PostgreSQL ${server}`, tls: postgresTls(postgres.searchParams), loopback });
    } else links.push({ name: 'PostgreSQL (its URL cannot be read here)', tls: 'off', loopback: false });
  }
  const redis = parsed(config.cluster.redis.url);
  if (redis) {
    const { server, loopback } = where(redis);
    links.push({ name: `Redis ${server}`, tls: redis.protocol === 'rediss:' ? 'on' : 'off', loopback });
  }
  const nats = parsed(config.cluster.nats.url);
  if (nats) {
    const { server, loopback } = where(nats);
    links.push({ name: `NATS ${server}`, tls: nats.protocol === 'tls:' ? 'on' : 'off', loopback });
  }
  return links;
}
