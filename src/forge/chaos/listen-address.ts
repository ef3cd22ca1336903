/** Where the fault proxy listens. */
export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * Parses `host:port` (`127.0.0.1:3100`, `localhost:3100`, `[::1]:3100`); undefined when malformed.
 * Port 0 picks a free port.
 * @example parseListenAddress('[::1]:3100'); // { host: '::1', port: 3100 }
 */
export function parseListenAddress(text: string): ListenAddress | undefined {
  const match = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+)):(\d{1,5})$/i.exec(text.trim());
  if (match === null) return undefined;
  const port = Number(match[3]);
  if (port > 65535) return undefined;
  return { host: match[1] ?? match[2]!, port };
}

/** `host:port` again, with brackets around an IPv6 host. */
export function formatListenAddress({ host, port }: ListenAddress): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
