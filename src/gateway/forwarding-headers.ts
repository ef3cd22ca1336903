/** Headers that describe one connection and must not be forwarded (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'http2-settings',
  // The gateway answers `Expect: 100-continue` itself; the upstream gets the body without it.
  'expect',
]);

/** Headers the gateway sets itself; a client's own values are dropped unless it is a trusted proxy. */
const FORWARDING = new Set(['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded']);

/** Facts the gateway adds when forwarding. */
export interface ForwardingFacts {
  /** Address of the socket peer. */
  readonly peer: string;
  readonly peerTrusted: boolean;
  readonly proto: 'http' | 'https';
  readonly host: string;
  readonly requestIdHeader: string;
  readonly requestId: string;
  /** Keep `Connection: upgrade` and `Upgrade` (for a WebSocket tunnel). */
  readonly upgrade?: boolean;
}

function connectionTokens(rawHeaders: readonly string[]): Set<string> | undefined {
  let tokens: Set<string> | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.length === 10 && rawHeaders[i]!.toLowerCase() === 'connection') {
      tokens ??= new Set();
      for (const t of rawHeaders[i + 1]!.split(',')) tokens.add(t.trim().toLowerCase());
    }
  }
  return tokens;
}

function quoteForwardedFor(address: string): string {
  return address.includes(':') ? `"[${address}]"` : address;
}

/**
 * Builds the upstream request headers, as a flat name/value list, from the client's raw headers.
 * Hop-by-hop headers and those named in Connection go; X-Forwarded-* and Forwarded are set.
 */
export function buildUpstreamHeaders(rawHeaders: readonly string[], facts: ForwardingFacts): string[] {
  const out: string[] = [];
  const named = connectionTokens(rawHeaders);
  const requestIdHeader = facts.requestIdHeader;
  let priorFor: string | undefined;
  let priorForwarded: string | undefined;
  let keptProto = false;
  let keptHost = false;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!;
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || named?.has(lower)) {
      if (facts.upgrade && (lower === 'upgrade' || lower === 'connection'))
        out.push(name, rawHeaders[i + 1]!);
      continue;
    }
    if (FORWARDING.has(lower)) {
      if (!facts.peerTrusted) continue;
      if (lower === 'x-forwarded-for')
        priorFor = priorFor ? `${priorFor}, ${rawHeaders[i + 1]}` : rawHeaders[i + 1];
      else if (lower === 'forwarded') {
        priorForwarded = priorForwarded ? `${priorForwarded}, ${rawHeaders[i + 1]}` : rawHeaders[i + 1];
      } else {
        keptProto ||= lower === 'x-forwarded-proto';
        keptHost ||= lower === 'x-forwarded-host';
        out.push(name, rawHeaders[i + 1]!);
      }
      continue;
    }
    if (lower === requestIdHeader) continue;
    out.push(name, rawHeaders[i + 1]!);
  }
  const peer = facts.peer;
  out.push('x-forwarded-for', priorFor ? `${priorFor}, ${peer}` : peer);
  if (!keptProto) out.push('x-forwarded-proto', facts.proto);
  if (!keptHost) out.push('x-forwarded-host', facts.host);
  const element = `for=${quoteForwardedFor(peer)};proto=${facts.proto};host="${facts.host.replace(/["\\]/g, '')}"`;
  out.push('forwarded', priorForwarded ? `${priorForwarded}, ${element}` : element);
  out.push(requestIdHeader, facts.requestId);
  return out;
}

/** Copies upstream response headers for the client, without hop-by-hop headers. */
export function buildClientHeaders(
  headers: Record<string, string | string[] | undefined>,
  requestIdHeader: string,
  requestId: string,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const connection = headers.connection;
  const named =
    typeof connection === 'string'
      ? new Set(connection.split(',').map((t) => t.trim().toLowerCase()))
      : undefined;
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || HOP_BY_HOP.has(name) || named?.has(name)) continue;
    out[name] = value;
  }
  out[requestIdHeader] = requestId;
  return out;
}
