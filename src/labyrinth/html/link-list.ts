import { escapeHtml } from '../../core/index.js';
import type { MazeLink } from '../path/maze-link.js';

/** One `<a>`; maze hrefs are made of URL-safe characters only, so only the text needs escaping. */
export function linkHtml(link: MazeLink): string {
  return `<a href="${link.href}">${escapeHtml(link.title)}</a>`;
}

/** A `<ul>` of links, for navigation, sidebars and "related" lists. */
export function linkList(links: readonly MazeLink[]): string {
  const items = links.map((link) => `<li>${linkHtml(link)}</li>`);
  return `<ul>${items.join('')}</ul>`;
}
