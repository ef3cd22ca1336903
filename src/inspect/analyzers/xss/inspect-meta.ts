import type { HtmlTag } from './html-tag.js';

function attribute(tag: HtmlTag, name: string): string | undefined {
  return tag.attributes.find((a) => a.name === name)?.value;
}

function isUtf8(charset: string): boolean {
  const name = charset.trim().toLowerCase();
  return name === 'utf-8' || name === 'utf8';
}

// UTF-7 and its IMAP variant spell `<` as `+ADw-` / `&ADw-`: no page has used them since browsers
// dropped them, and declaring one exists only to smuggle markup. Even a UTF-8 declaration is markup that
// only a document holds: pasted into a field that takes no markup, it was planted (see `inspectTag`).
function charsetRisk(charset: string): number {
  const name = charset.trim().toLowerCase();
  if (isUtf8(name)) return 0.7;
  return name.includes('utf-7') || name.includes('utf7') ? 0.9 : 0.85;
}

/**
 * How dangerous a `<meta>` is: a refresh redirects (a script URL in it is weighed as a URL), Set-Cookie
 * plants cookies, a charset other than UTF-8 (UTF-7 above all) changes how the rest of the page decodes.
 * @example metaRisk(readTag('<meta http-equiv="refresh" content="0;url=//evil">', 0, 48)!) // 0.85
 */
export function metaRisk(tag: HtmlTag): number {
  const equiv = attribute(tag, 'http-equiv')?.trim().toLowerCase();
  const content = attribute(tag, 'content')?.toLowerCase() ?? '';
  const charset = attribute(tag, 'charset');
  let risk = 0;
  if (equiv === 'refresh') risk = 0.85;
  else if (equiv === 'set-cookie') risk = 0.9;
  // A Link header spelled as a meta element pulls in a stylesheet or preload the page never asked for.
  else if (equiv === 'link') risk = 0.9;
  else if (equiv === 'content-type' && content.includes('charset=')) {
    risk = charsetRisk(content.slice(content.indexOf('charset=') + 8));
  }
  if (charset !== undefined) risk = Math.max(risk, charsetRisk(charset));
  return risk;
}

/**
 * Where each URL in a meta refresh or Link's content may start: after `url=`, each `;` and each `<`
 * (`0;URL=http://;URL=javascript:…` has two, `0;javascript:…` one without `url=`, `<javascript:…>` one).
 */
export function refreshTargets(content: string): number[] {
  const lower = content.toLowerCase();
  const targets: number[] = [];
  for (let at = 0; at < lower.length && targets.length < 8; at++) {
    const c = lower[at];
    let i = at + 1;
    if (c === 'u' && lower.startsWith('url', at)) {
      i = at + 3;
      while (i < lower.length && lower.charCodeAt(i) <= 32) i++;
      if (lower[i] !== '=') continue;
      i++;
    } else if (c !== ';' && c !== '<') continue; // `;` separates refresh parts, `<url>` is Link syntax
    while (i < lower.length && (lower.charCodeAt(i) <= 32 || lower[i] === "'" || lower[i] === '"')) i++;
    targets.push(i);
  }
  return targets;
}
