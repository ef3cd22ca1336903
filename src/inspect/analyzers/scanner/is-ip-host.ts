const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?$/;
const IPV6 = /^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/** Whether a Host header names an IP literal (`1.2.3.4:80`, `[::1]`) rather than a site. */
export function isIpHost(host: string): boolean {
  return IPV4.test(host) || IPV6.test(host);
}
