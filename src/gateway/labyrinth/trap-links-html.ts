import { escapeHtml } from '../../labyrinth/index.js';

const WORDS = ['Archive', 'Index', 'Library', 'Reference', 'Documents', 'Resources', 'Catalogue', 'Notes'];

/**
 * Links into the maze that people never see or reach: not displayed, out of the tab order, hidden from
 * screen readers, and marked nofollow, so only a crawler that reads raw HTML and ignores robots.txt follows.
 *
 * @example trapLinksHtml(['/library/old-notes-3kx9a0b2']) // '<div hidden ...><a href=...>Archive</a></div>'
 */
export function trapLinksHtml(paths: readonly string[]): string {
  const links = paths
    .map(
      (path, i) =>
        `<a href="${escapeHtml(path)}" rel="nofollow noindex" tabindex="-1">${WORDS[i % WORDS.length]}</a>`,
    )
    .join('');
  return `<div hidden aria-hidden="true" style="display:none">${links}</div>`;
}
