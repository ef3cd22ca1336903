import { type AddressClass, classifyIpv4 } from './classify-address.js';
import { parseIpv4 } from './parse-ipv4.js';

/** Where a host name points, and whether that was read from an IP address embedded in the name. */
export interface NameClass {
  readonly cls: AddressClass;
  /** `name`: a reserved or well-known internal name; `embedded`: an IP spelled inside a DNS name. */
  readonly via: 'name' | 'embedded';
  /** The name is served by a wildcard DNS service that answers with the embedded address. */
  readonly wildcard: boolean;
}

const METADATA_NAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.packet.net',
  'metadata.platformequinix.com',
  'metadata.tencentyun.com',
  'metadata.azure.com',
  'instance-data',
  'instance-data.ec2.internal',
]);

const LOOPBACK_NAMES = new Set([
  'localhost',
  'localhost.localdomain',
  'localhost4',
  'localhost4.localdomain4',
  'localhost6',
  'localhost6.localdomain6',
  'ip6-localhost',
  'ip6-loopback',
  'ipv6-localhost',
  'ipv6-loopback',
  // Public names whose DNS answers 127.0.0.1 for themselves and every subdomain.
  'localtest.me',
  'lvh.me',
  'vcap.me',
  'localh.st',
]);

// Names container runtimes give the host machine: from inside a container they are its loopback.
const HOST_MACHINE_NAMES = new Set([
  'host.docker.internal',
  'gateway.docker.internal',
  'host.containers.internal',
]);

// The Kubernetes API server as a pod (or Docker Desktop) reaches it: a control plane that answers with the
// cluster's secrets to whoever holds the pod's token, as valuable to a forged request as the metadata service.
const CONTROL_PLANE_NAMES = new Set([
  'kubernetes.docker.internal',
  'kubernetes',
  'kubernetes.default',
  'kubernetes.default.svc',
  'kubernetes.default.svc.cluster.local',
]);

// Suffixes reserved for private use (RFC 6761/6762/8375, ICANN .internal) or cluster DNS.
const INTERNAL_SUFFIXES = ['.localhost', '.cluster.local', '.svc', '.internal', '.localdomain', '.home.arpa'];
const LOOPBACK_PARENTS = ['.localtest.me', '.lvh.me', '.vcap.me', '.localh.st'];
// Wildcard DNS services that resolve a name to the address written inside it (DNS rebinding helpers).
const WILDCARD_DNS = ['.nip.io', '.sslip.io', '.xip.io', '.nip.direct', '.traefik.me', '.rbndr.us', '.1u.ms'];

const DOTTED_TAIL = /(?:^|[.-])((?:\d{1,3}[.-]){3}\d{1,3})$/;
const DOTTED_HEAD = /^((?:\d{1,3}[.-]){3}\d{1,3})(?:[.-]|$)/;
const HEX_HEAD = /^([0-9a-f]{8})(?:[.-]|$)/;

// An address spelled at the start or the end of a name: `127.0.0.1.x`, `a.10-0-0-1`, and for wildcard
// services the hex form `7f000001.c0a80001` (rbndr.us) too.
function embeddedAddress(body: string, wildcard: boolean): number | undefined {
  const dotted = DOTTED_HEAD.exec(body) ?? DOTTED_TAIL.exec(body);
  if (dotted !== null) return parseIpv4(dotted[1]!.replaceAll('-', '.'))?.address;
  const hex = wildcard ? HEX_HEAD.exec(body) : null;
  return hex === null ? undefined : Number.parseInt(hex[1]!, 16);
}

function lastLabel(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

// The last labels of every name and suffix above: a name ending otherwise (and without digits) is public.
const LAST_LABELS: ReadonlySet<string> = new Set(
  [
    ...METADATA_NAMES,
    ...LOOPBACK_NAMES,
    ...CONTROL_PLANE_NAMES,
    ...INTERNAL_SUFFIXES,
    ...LOOPBACK_PARENTS,
    ...WILDCARD_DNS,
  ]
    .filter((n) => n.includes('.'))
    .map(lastLabel)
    .concat('localhost'),
);
const SINGLE_LABELS: ReadonlySet<string> = new Set(
  [...METADATA_NAMES, ...LOOPBACK_NAMES, ...CONTROL_PLANE_NAMES].filter((n) => !n.includes('.')),
);

function endsWithAny(host: string, suffixes: readonly string[]): string | undefined {
  return suffixes.find((s) => host.endsWith(s));
}

/**
 * Classifies a lower-cased host name that is not an IP literal: loopback and metadata names, private-use
 * suffixes, and names that embed an IP address (`127.0.0.1.nip.io`, `10-0-0-1.sslip.io`).
 * @example classifyHostname('metadata.google.internal') // { cls: 'metadata', via: 'name', wildcard: false }
 */
export function classifyHostname(host: string): NameClass | undefined {
  // Most names end in a public TLD and hold no digits: one lookup settles them.
  const dot = host.lastIndexOf('.');
  if (dot < 0 ? !SINGLE_LABELS.has(host) : !LAST_LABELS.has(host.slice(dot + 1)) && !/[0-9]/.test(host)) {
    return undefined;
  }
  if (METADATA_NAMES.has(host) || CONTROL_PLANE_NAMES.has(host))
    return { cls: 'metadata', via: 'name', wildcard: false };
  if (LOOPBACK_NAMES.has(host) || endsWithAny(host, LOOPBACK_PARENTS) !== undefined) {
    return { cls: 'loopback', via: 'name', wildcard: false };
  }
  if (HOST_MACHINE_NAMES.has(host)) return { cls: 'loopback', via: 'name', wildcard: false };
  const wildcard = endsWithAny(host, WILDCARD_DNS);
  const body = wildcard === undefined ? host : host.slice(0, host.length - wildcard.length);
  const address = /[0-9]/.test(body) ? embeddedAddress(body, wildcard !== undefined) : undefined;
  if (address !== undefined) {
    const cls = classifyIpv4(address);
    if (cls !== 'public') return { cls, via: 'embedded', wildcard: wildcard !== undefined };
  }
  if (host.endsWith('.localhost')) return { cls: 'loopback', via: 'name', wildcard: false };
  if (endsWithAny(host, INTERNAL_SUFFIXES) !== undefined)
    return { cls: 'private', via: 'name', wildcard: false };
  return undefined;
}
