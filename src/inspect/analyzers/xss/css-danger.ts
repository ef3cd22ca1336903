import { foldCss } from './fold-css.js';

/** What makes a piece of CSS able to run script or pull in active content. */
export interface CssDanger {
  /** The folded CSS from the dangerous construct on, for evidence. */
  readonly evidence: string;
  readonly confidence: number;
}

// [construct, confidence inside a style attribute or element, confidence in a bare value]. IE's
// expression() and behavior, Mozilla's -moz-binding and script URLs run script; @import pulls in a sheet
// of the sender's choosing, which reads the page through its selectors (attribute selectors and
// background URLs leak tokens), so a `<style>` or style attribute that imports one is injected.
const CONSTRUCTS: readonly (readonly [string, number, number])[] = [
  [':expression(', 1, 1],
  ['expression(', 1, 0],
  ['javascript:', 1, 0],
  ['vbscript:', 1, 0],
  ['url(javascript', 1, 1],
  ["url('javascript", 1, 1],
  ['url("javascript', 1, 1],
  ['url(vbscript', 1, 1],
  ['behavior:', 1, 0],
  ['behaviour:', 1, 0],
  ['behavior:url(', 1, 0.9],
  ['behaviour:url(', 1, 0.9],
  ['-moz-binding:', 1, 1],
  ['binding:url(', 1, 0],
  ["@import'", 0.9, 0.5],
  ['@import"', 0.9, 0.5],
  ['@importurl(', 0.9, 0.5],
  ['-o-link:', 0.8, 0],
];

/**
 * The most dangerous construct in `css`, weighed for where the CSS sits: in a style attribute or `<style>`
 * element (`inStyle`), or in a bare value where it needs its CSS punctuation (`x:expression(`, `url(javascript`).
 * @example cssDanger('background:url(javascript:alert(1))', false)?.confidence // 0.9
 */
export function cssDanger(css: string, inStyle: boolean): CssDanger | undefined {
  const folded = foldCss(css);
  let best: CssDanger | undefined;
  for (const [construct, styled, bare] of CONSTRUCTS) {
    const confidence = inStyle ? styled : bare;
    if (confidence === 0 || (best !== undefined && best.confidence >= confidence)) continue;
    const at = folded.indexOf(construct);
    if (at >= 0) best = { evidence: folded.slice(at, at + 64), confidence };
  }
  return best;
}
