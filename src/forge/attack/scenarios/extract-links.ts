import { escapeTarget } from '../payload/escape-for-target.js';

const LINK = /\b(?:href|src|action)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const ENTITIES: Readonly<Record<string, string>> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

/**
 * Every same-origin link of an HTML page, as request-targets (path and query), in document order: what a
 * crawler reading raw HTML follows, hidden links included; fragments dropped, other sites left alone.
 * @example extractLinks('<a href="/a?x=1&amp;y=2">', 'http://h', '/') // ['/a?x=1&y=2']
 */
export function extractLinks(html: string, origin: string, pagePath: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(LINK)) {
    const raw = (match[1] ?? match[2] ?? match[3] ?? '').replace(
      /&(?:amp|quot|#39|lt|gt);/g,
      (e) => ENTITIES[e]!,
    );
    if (raw === '' || raw.startsWith('#') || /^(?:javascript|mailto|data|tel):/i.test(raw)) continue;
    let url: URL;
    try {
      url = new URL(raw, new URL(pagePath, origin));
    } catch {
      continue;
    }
    if (url.origin !== origin) continue;
    links.push(escapeTarget(`${url.pathname}${url.search}`));
  }
  return links;
}

/** The paths a robots.txt asks crawlers to stay out of (every group's Disallow lines). */
export function disallowedPaths(robots: string): string[] {
  const paths: string[] = [];
  for (const line of robots.split(/\r?\n/)) {
    const match = /^\s*disallow\s*:\s*(\/\S*)/i.exec(line);
    if (match) paths.push(match[1]!);
  }
  return paths;
}
