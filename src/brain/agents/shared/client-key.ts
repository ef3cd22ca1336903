/** The key of one client on one site in the agents' maps: an address or an IPv6 /64 never holds a newline. */
export const clientKey = (site: string, prefix: string): string => `${site}\n${prefix}`;

/** The decision scope for a client key's address part: a range for an IPv6 /64, an address otherwise. */
export const scopeOf = (prefix: string): 'ip' | 'cidr' => (prefix.includes('/') ? 'cidr' : 'ip');
