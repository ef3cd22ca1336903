import { parseIpv4 } from './parse-ipv4.js';

function readGroups(part: string): number[] | undefined {
  if (part === '') return [];
  const groups: number[] = [];
  for (const g of part.split(':')) {
    if (g.length === 0 || g.length > 4) return undefined;
    const n = Number.parseInt(g, 16);
    if (Number.isNaN(n) || !/^[0-9a-fA-F]+$/.test(g)) return undefined;
    groups.push(n);
  }
  return groups;
}

/**
 * Reads an IPv6 literal (without brackets) into eight 16-bit groups: `::` compression, an embedded dotted
 * IPv4 tail (`::ffff:127.0.0.1`) and a zone id (`fe80::1%eth0`) are accepted. Undefined when malformed.
 * @example parseIpv6('::1') // [0, 0, 0, 0, 0, 0, 0, 1]
 */
export function parseIpv6(text: string): number[] | undefined {
  let s = text;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (s.length < 2 || s.length > 45) return undefined;
  const lastColon = s.lastIndexOf(':');
  if (lastColon < 0) return undefined;
  const tail: number[] = [];
  if (s.indexOf('.', lastColon) >= 0) {
    const v4 = parseIpv4(s.slice(lastColon + 1));
    if (v4 === undefined || v4.obfuscated) return undefined;
    tail.push(v4.address >>> 16, v4.address & 0xffff);
    // Keep a '::' that ended right before the IPv4 tail.
    s = s[lastColon - 1] === ':' ? s.slice(0, lastColon + 1) : s.slice(0, lastColon);
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = readGroups(halves[0]!);
  const rest = halves.length === 2 ? readGroups(halves[1]!) : [];
  if (head === undefined || rest === undefined) return undefined;
  const explicit = head.length + rest.length + tail.length;
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return undefined;
  return [...head, ...new Array<number>(8 - explicit).fill(0), ...rest, ...tail];
}
