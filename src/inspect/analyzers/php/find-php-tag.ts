import type { Hit } from './hit.js';

// After `<?xml` a declaration has attributes (`version="1.0"`); PHP with short tags sees code there.
const XML_DECLARATION = /^xml(?:-[\w-]+|\s+[A-Za-z_:][\w.:-]*\s*=|\s*\?>|\s*$)/i;
// `[php]`, `{php}` and their closing `[/php]`, `[\php]`: the code tags of CMS and template plugins.
const BRACKET_TAG = /[[{]([/\\]?)php[\]}]/i;
// After a short `<?`: what PHP code starts with, unlike a processing instruction's target (`<?xpacket`).
const SHORT_CODE =
  /^\s*(?:[$@(]|(?:echo|print|if|for|foreach|while|eval|system|exec|passthru|include|require|return)\b)/i;

// After `<?xml`: a colon or blank, then what PHP runs (`<?xml :echo 1;`). `<?xml:namespace` is Office HTML.
const XML_THEN_CODE = /^xml\s*:?\s*(?:echo|print|[a-z_]\w*\s*\()/i;

function judgeOpenTag(text: string, at: number): number {
  const rest = text.slice(at + 2, at + 64);
  if (/^\s*php(?:\s|$)/i.test(rest)) return /^\s*php\s+\S/i.test(rest) ? 1 : 0.9;
  if (rest.startsWith('=')) return /^=\s*\S/.test(rest) ? 0.95 : 0.6;
  if (/^xml/i.test(rest)) return XML_DECLARATION.test(rest) ? 0 : XML_THEN_CODE.test(rest) ? 0.9 : 0.5;
  // `<? echo 1;`, `<?echo 1;`: the short open tag followed by code; a bare `<?` at the end is only a probe.
  if (SHORT_CODE.test(rest)) return 0.9;
  if (/^\s+\S/.test(rest) && /[;(]|\?>/.test(rest)) return 0.85;
  return rest.trim() === '' ? 0.5 : 0;
}

/**
 * PHP open tags: `<?php`, `<?=`, the short `<?` followed by code (but not an XML declaration or another
 * processing instruction such as `<?xpacket`), and the `[php]`/`{php}` tags of CMS and template plugins.
 */
export function findPhpTag(text: string): Hit | undefined {
  let best: Hit | undefined;
  for (let i = text.indexOf('<?'); i >= 0; i = text.indexOf('<?', i + 2)) {
    const confidence = judgeOpenTag(text, i);
    if (confidence > (best?.confidence ?? 0))
      best = { rule: 'open-tag', confidence, evidence: text.slice(i, i + 64) };
    if (confidence >= 1) return best;
  }
  const bracket = BRACKET_TAG.exec(text);
  if (bracket === null || (best !== undefined && best.confidence >= 0.9)) return best;
  // An opening `[php]` after a word is an array subscript (`skills[php]=1`); a closing tag never is.
  const subscript = bracket[1] === '' && bracket.index > 0 && /[\w\]]/.test(text[bracket.index - 1]!);
  const confidence = subscript ? 0.4 : 0.9;
  if (confidence <= (best?.confidence ?? 0)) return best;
  return { rule: 'open-tag', confidence, evidence: text.slice(bracket.index, bracket.index + 64) };
}
