import { type AddressClass, classifyIpv4, classifyIpv6 } from './classify-address.js';
import { classifyHostname } from './classify-hostname.js';
import { parseIpv4 } from './parse-ipv4.js';
import { parseIpv6 } from './parse-ipv6.js';

/** What a host (IP literal in any spelling, or name) points to. */
export interface HostClass {
  readonly cls: AddressClass;
  /** An IP literal (not a name). */
  readonly literal: boolean;
  /** Spelled in a way only evasions use: hex/octal/short IPv4, IPv4-mapped IPv6, overflow. */
  readonly obfuscated: boolean;
  /** A name that embeds an address; `wildcard` when a rebinding DNS service answers for it. */
  readonly embedded: 'no' | 'name' | 'wildcard';
}

/**
 * Classifies a lower-cased host: `[v6]`, IPv4 in any inet_aton spelling, or a name. Undefined for an
 * ordinary public name.
 * @example classifyHost('0x7f.1') // { cls: 'loopback', literal: true, obfuscated: true, embedded: 'no' }
 */
export function classifyHost(host: string): HostClass | undefined {
  if (host.length === 0) return undefined;
  if (host[0] === '[') {
    const inner = host.endsWith(']') ? host.slice(1, -1) : host.slice(1);
    const groups = parseIpv6(inner);
    if (groups === undefined) return undefined;
    // An IPv4 address dressed as IPv6 (`::ffff:a9fe:a9fe`) hides it from IPv4 deny lists.
    const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
    return { cls: classifyIpv6(groups), literal: true, obfuscated: mapped, embedded: 'no' };
  }
  const c = host.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const v4 = parseIpv4(host);
    if (v4 !== undefined) {
      return { cls: classifyIpv4(v4.address), literal: true, obfuscated: v4.obfuscated, embedded: 'no' };
    }
  }
  const name = classifyHostname(host);
  if (name === undefined) return undefined;
  const embedded = name.via === 'name' ? 'no' : name.wildcard ? 'wildcard' : 'name';
  return { cls: name.cls, literal: false, obfuscated: false, embedded };
}
