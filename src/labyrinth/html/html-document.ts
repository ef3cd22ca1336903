import { escapeHtml } from '../../core/index.js';
import type { MazeLink } from '../path/maze-link.js';
import { linkList } from './link-list.js';

/** What a maze HTML page is made of; text fields are plain text, `main` and `aside` are HTML. */
export interface HtmlDocument {
  readonly title: string;
  readonly brand: string;
  readonly nav: readonly MazeLink[];
  readonly main: string;
  readonly aside?: string;
  readonly footer: string;
}

const STYLE =
  'body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:0 1rem;color:#222}' +
  'nav ul{list-style:none;padding:0;display:flex;gap:1rem;flex-wrap:wrap}' +
  'table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px}' +
  'aside{border-top:1px solid #ddd;margin-top:2rem}footer{color:#777;font-size:12px;margin:2rem 0}';

/**
 * A whole HTML page around its main content, with the robots meta that keeps real search engines out.
 * @example renderHtmlDocument({ title: 'Docs', brand: 'shop', nav, main: '<p>…</p>', footer: '© 2021' })
 */
export function renderHtmlDocument(doc: HtmlDocument): string {
  return [
    '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    '<meta name="robots" content="noindex, nofollow">\n<title>',
    escapeHtml(doc.title),
    '</title>\n<style>',
    STYLE,
    '</style>\n</head>\n<body>\n<header><p><strong>',
    escapeHtml(doc.brand),
    '</strong></p><nav>',
    linkList(doc.nav),
    '</nav></header>\n<main>\n',
    doc.main,
    '\n</main>\n',
    doc.aside === undefined ? '' : `<aside>\n${doc.aside}\n</aside>\n`,
    '<footer><p>',
    escapeHtml(doc.footer),
    '</p></footer>\n</body>\n</html>\n',
  ].join('');
}
