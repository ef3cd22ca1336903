/** Who sent a request, as far as the gateway can tell. */
export interface ClientIdentity {
  /** Address from the socket, or from forwarding headers set by a trusted proxy. */
  readonly ip: string;
  /** The address grouped for keying: the /64 of an IPv6 address, the address itself for IPv4. */
  readonly prefix: string;
  /** Stable hash of header order and stable headers; empty until computed. */
  readonly fingerprint: string;
  readonly userAgent: string;
}
