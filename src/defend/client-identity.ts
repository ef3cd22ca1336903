import type { ClientIdentity } from '../core/index.js';
import type { AddressSet } from './cidr.js';
import { clientFingerprint } from './client-fingerprint.js';
import { ipv6Prefix, unmapAddress } from './ip-address.js';

/** What identifying a client needs from a request. */
export interface IdentityInput {
  /** Address of the socket peer. */
  readonly remoteAddress: string;
  /** Value of X-Forwarded-For, if any. */
  readonly forwardedFor: string | undefined;
  readonly userAgent: string;
  /** The request's header names and values in order, for the fingerprint. */
  readonly rawHeaders?: readonly string[];
}

/** Options that shape client identity. */
export interface IdentityOptions {
  readonly trustedProxies: AddressSet;
  readonly ipv6PrefixLength: number;
}

/**
 * Finds the client address: the socket peer, or, when the peer is a trusted proxy, the right-most address in
 * X-Forwarded-For that is not itself a trusted proxy.
 */
export function resolveClientAddress(input: IdentityInput, options: IdentityOptions): string {
  let address = unmapAddress(input.remoteAddress);
  if (!options.trustedProxies.has(address) || !input.forwardedFor) return address;
  const hops = input.forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = unmapAddress(hops[i]!.trim());
    if (hop === '') break;
    address = hop;
    if (!options.trustedProxies.has(hop)) break;
  }
  return address;
}

/** Identifies the client of a request: address, prefix (IPv6 /64 by default) and software fingerprint. */
export function identifyClient(input: IdentityInput, options: IdentityOptions): ClientIdentity {
  const ip = resolveClientAddress(input, options);
  const prefix = ip.includes(':') ? ipv6Prefix(ip, options.ipv6PrefixLength) : ip;
  const fingerprint = input.rawHeaders === undefined ? '' : clientFingerprint(input.rawHeaders);
  return { ip, prefix, fingerprint, userAgent: input.userAgent };
}
