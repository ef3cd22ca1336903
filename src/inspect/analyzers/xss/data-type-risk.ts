import { isSpace } from './char-class.js';

// Media types a browser runs as a document or script; [type word, confidence, confidence as an image].
// SVG and XML are documents that may or may not script: their payload is read and weighed on its own.
const ACTIVE: readonly (readonly [string, number, number])[] = [
  ['html', 0.9, 0.9],
  ['script', 0.9, 0.9],
  ['x-scriptlet', 0.9, 0.9],
  ['svg', 0.6, 0.4],
  ['xml', 0.6, 0.4],
  ['xsl', 0.6, 0.4],
  ['x-dom-event-stream', 0.6, 0.6],
  ['shockwave', 0.6, 0.6],
];

/**
 * How dangerous the media type of the `data:` URL whose `:` is at `colon` is: a document or script
 * (`text/html`, `text/javascript`) is strong, an SVG or XML document weaker (and weaker still where it
 * can only be an image), inert media (`image/png`, `text/plain`) 0. Spaces and controls between the
 * parts are ignored.
 * @example dataTypeRisk('data:text/html;base64,PHN2Zz4=', 4, false) // 0.9
 */
export function dataTypeRisk(s: string, colon: number, image: boolean): number {
  let type = '';
  for (let i = colon + 1; i < s.length && type.length < 64; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 59) break; // , ;
    if (!isSpace(c) && c >= 0x20) type += s[i];
  }
  type = type.toLowerCase();
  let risk = 0;
  for (const [word, document, asImage] of ACTIVE)
    if (type.includes(word)) risk = Math.max(risk, image ? asImage : document);
  return risk;
}
