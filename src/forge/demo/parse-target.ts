/** The parts of a request target that routing needs. */
export interface RequestTarget {
  readonly path: string;
  readonly query: URLSearchParams;
}

/**
 * Splits a request target into path and query without ever throwing.
 * URLSearchParams keeps bad percent-encoding such as `%zz` as literal text, which is what the demo wants.
 */
export function parseTarget(rawUrl: string | undefined): RequestTarget {
  let target = rawUrl ?? '/';
  // Absolute-form targets (`GET http://host/path`) come from clients that think we are a proxy.
  if (!target.startsWith('/')) {
    try {
      const url = new URL(target);
      target = url.pathname + url.search;
    } catch {
      return { path: target, query: new URLSearchParams() };
    }
  }
  const mark = target.indexOf('?');
  const rawPath = mark < 0 ? target : target.slice(0, mark);
  const query = new URLSearchParams(mark < 0 ? '' : target.slice(mark + 1));
  const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.replace(/\/+$/, '') || '/' : rawPath;
  return { path, query };
}
