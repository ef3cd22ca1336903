const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/** Whether a Host header names an IP literal (`1.2.3.4:80`, `[::1]`) rather than a site. */
export function isIpHost(host: string): boolean {
  return IPV4.test(host) || IPV6.test(host);
}

// 169.254.0.0/16 and fe80::/10: addresses valid on one network link only, where cloud metadata services
// live. No site is reached through a gateway by one.
const LINK_LOCAL =
  /^(?:169\.254\.\d{1,3}\.\d{1,3}(?::\d{1,5})?|\[fe[89ab][0-9a-f]?:[0-9a-f:.%]*\](?::\d{1,5})?)$/i;

/** Whether a Host header names a link-local address (`169.254.169.254`, `[fe80::1]`). */
export function isLinkLocalHost(host: string): boolean {
  return LINK_LOCAL.test(host);
}
