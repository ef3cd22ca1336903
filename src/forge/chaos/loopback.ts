import { isIP } from 'node:net';

/**
 * Whether a host name or address is this machine's loopback: `localhost`, 127.0.0.0/8, ::1 (brackets and
 * the IPv4-mapped form accepted).
 * @example isLoopbackHost('[::1]'); // true
 */
export function isLoopbackHost(host: string): boolean {
  const bare = bareHost(host);
  if (bare === 'localhost') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice(7) : bare;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  // The URL parser writes an IPv6 address in its shortest form: 0:0:0:0:0:0:0:1 becomes ::1.
  return isIP(bare) === 6 && new URL(`http://[${bare}]/`).hostname === '[::1]';
}

/** A host the experiment reaches, and where in the file it is named. */
export interface NamedHost {
  readonly path: string;
  readonly host: string;
}

/**
 * The hosts that are neither loopback nor allowed by name, each as a problem at its place in the file:
 * traffic goes to other machines only when the operator names them.
 */
export function remoteHostProblems(
  hosts: readonly NamedHost[],
  allowHosts: readonly string[],
): { path: string; message: string }[] {
  const allowed = new Set(allowHosts.map(bareHost));
  return hosts
    .filter(({ host }) => !isLoopbackHost(host) && !allowed.has(bareHost(host)))
    .map(({ path, host }) => ({
      path,
      message: `${host} is not a loopback address; name it with --allow-host ${host} to reach it`,
    }));
}

function bareHost(host: string): string {
  return host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}
