import { describe, expect, it } from 'vitest';
import { buildClientHeaders, buildUpstreamHeaders, type ForwardingFacts } from './forwarding-headers.js';

const facts = (over: Partial<ForwardingFacts> = {}): ForwardingFacts => ({
  peer: '203.0.113.5',
  peerTrusted: false,
  proto: 'https',
  host: 'shop.example.com',
  requestIdHeader: 'x-request-id',
  requestId: 'rid-1',
  ...over,
});

const asMap = (flat: string[]) => {
  const map = new Map<string, string[]>();
  for (let i = 0; i < flat.length; i += 2)
    map.set(flat[i]!.toLowerCase(), [...(map.get(flat[i]!.toLowerCase()) ?? []), flat[i + 1]!]);
  return map;
};

describe('buildUpstreamHeaders', () => {
  const raw = [
    'Host',
    'shop.example.com',
    'Connection',
    'keep-alive, X-Secret-Hop',
    'X-Secret-Hop',
    'drop me',
    'Keep-Alive',
    'timeout=5',
    'Transfer-Encoding',
    'chunked',
    'TE',
    'trailers',
    'Expect',
    '100-continue',
    'X-Forwarded-For',
    '6.6.6.6',
    'Forwarded',
    'for=6.6.6.6',
    'X-Request-Id',
    'spoofed',
    'Cookie',
    'a=1',
    'Cookie',
    'b=2',
  ];

  it('drops hop-by-hop headers, those named in Connection, and a client’s forwarding claims', () => {
    const out = asMap(buildUpstreamHeaders(raw, facts()));
    for (const gone of ['connection', 'x-secret-hop', 'keep-alive', 'transfer-encoding', 'te', 'expect']) {
      expect(out.has(gone), gone).toBe(false);
    }
    expect(out.get('x-forwarded-for')).toEqual(['203.0.113.5']);
    expect(out.get('forwarded')).toEqual(['for=203.0.113.5;proto=https;host="shop.example.com"']);
    expect(out.get('x-forwarded-proto')).toEqual(['https']);
    expect(out.get('x-forwarded-host')).toEqual(['shop.example.com']);
    expect(out.get('x-request-id')).toEqual(['rid-1']);
    expect(out.get('cookie')).toEqual(['a=1', 'b=2']);
    expect(out.get('host')).toEqual(['shop.example.com']);
  });

  it('appends to the chain of a trusted proxy', () => {
    const out = asMap(buildUpstreamHeaders(raw, facts({ peer: '10.0.0.1', peerTrusted: true })));
    expect(out.get('x-forwarded-for')).toEqual(['6.6.6.6, 10.0.0.1']);
    expect(out.get('forwarded')).toEqual(['for=6.6.6.6, for=10.0.0.1;proto=https;host="shop.example.com"']);
  });

  it('quotes an IPv6 peer in Forwarded', () => {
    const out = asMap(buildUpstreamHeaders(['Host', 'h'], facts({ peer: '2001:db8::1' })));
    expect(out.get('forwarded')?.[0]).toMatch(/^for="\[2001:db8::1\]";/);
  });

  it('keeps Upgrade and Connection for a tunnel', () => {
    const out = asMap(
      buildUpstreamHeaders(['Connection', 'Upgrade', 'Upgrade', 'websocket'], facts({ upgrade: true })),
    );
    expect(out.get('upgrade')).toEqual(['websocket']);
    expect(out.get('connection')).toEqual(['Upgrade']);
  });
});

describe('buildClientHeaders', () => {
  it('drops hop-by-hop response headers and sets the request id', () => {
    const out = buildClientHeaders(
      {
        'content-type': 'text/plain',
        connection: 'close, x-internal',
        'x-internal': '1',
        'keep-alive': 'timeout=4',
        'set-cookie': ['a=1', 'b=2'],
      },
      'x-request-id',
      'rid-2',
    );
    expect(out).toEqual({
      'content-type': 'text/plain',
      'set-cookie': ['a=1', 'b=2'],
      'x-request-id': 'rid-2',
    });
  });
});
