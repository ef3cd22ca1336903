const MAX_TAG = 1024;
const HREF_TARGET =
  /href\s*=\s*["']?\s*(?:file:|https?:|ftp:|php:|expect:|jar:|netdoc:|gopher:|\/|\\\\|[a-z]:\\)/i;

/** An XInclude element and whether its `href` reaches a file or another host. */
export interface XInclude {
  readonly at: number;
  readonly reachesOut: boolean;
}

/**
 * Finds XInclude (`<xi:include href="file:///etc/passwd"/>` or the XInclude namespace): XXE for
 * applications that only let you control part of the document, where DOCTYPE is out of reach.
 */
export function findXInclude(s: string, end: number): XInclude | undefined {
  const lower = s.slice(0, end).toLowerCase();
  let start = -1;
  for (let at = lower.indexOf(':include'); at >= 0 && start < 0; at = lower.indexOf(':include', at + 8)) {
    // The element name's `<` sits just before its prefix: `<xi:include`.
    const open = lower.slice(Math.max(0, at - 32), at).lastIndexOf('<');
    if (open >= 0) start = Math.max(0, at - 32) + open;
  }
  if (start < 0) start = lower.indexOf('2001/xinclude');
  if (start < 0) return undefined;
  const tag = lower.slice(start, start + MAX_TAG);
  return { at: start, reachesOut: HREF_TARGET.test(tag) };
}
