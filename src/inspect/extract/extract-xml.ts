import { locationName } from './location-name.js';
import { scanStartTag } from './scan-xml-tag.js';
import { firstNonSpace } from './sniff-body.js';
import type { ValueSink } from './value-sink.js';

const ROOT = 'body.xml';

/** End of a `<!DOCTYPE ... [ <!ENTITY ...> ]>` declaration: quotes and the internal subset are skipped. */
function declarationEnd(text: string, lt: number): number {
  let brackets = 0;
  let quote = 0;
  for (let i = lt + 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 91) brackets++;
    else if (c === 93) brackets--;
    else if (c === 62 && brackets <= 0) return i + 1;
  }
  return text.length;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

function addText(text: string, from: number, to: number, location: string, sink: ValueSink): void {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  if (to > from) sink.add(location, 'body-value', text.slice(from, to));
}

/**
 * Text nodes and attribute values of an XML body as `body.xml.<path>` / `body.xml.<path>@<attribute>`, raw
 * (entities are not expanded), and DOCTYPE/ENTITY declarations and processing instructions as xml-doctype.
 * Lenient: returns false only when the text holds no markup at all, so the caller keeps it as raw text.
 */
export function extractXml(text: string, sink: ValueSink): boolean {
  let i = firstNonSpace(text);
  if (text.charCodeAt(i) !== 60) return false;
  const locations = [ROOT];
  let depth = 0; // may run past maxDepth; locations stop growing there and nothing deeper is emitted
  let markup = false;
  let textStart = i;
  while (i < text.length && !sink.full) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    const location = locations[locations.length - 1]!;
    const visible = depth <= sink.maxDepth;
    const next = text.charCodeAt(lt + 1);
    let end: number;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      end = close < 0 ? text.length : close + 3;
      if (visible) addText(text, textStart, lt, location, sink);
    } else if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      end = close < 0 ? text.length : close + 3;
      if (visible) {
        addText(text, textStart, lt, location, sink);
        addText(text, lt + 9, close < 0 ? text.length : close, location, sink);
      }
    } else if (next === 33) {
      end = declarationEnd(text, lt);
      sink.add(`${ROOT}#doctype`, 'xml-doctype', text.slice(lt, end));
    } else if (next === 63) {
      const close = text.indexOf('?>', lt + 2);
      end = close < 0 ? text.length : close + 2;
      const instruction = text.slice(lt, end);
      if (!/^<\?xml\s/i.test(instruction)) sink.add(`${ROOT}#pi`, 'xml-doctype', instruction);
    } else if (next === 47) {
      const close = text.indexOf('>', lt + 2);
      end = close < 0 ? text.length : close + 1;
      if (visible) addText(text, textStart, lt, location, sink);
      if (depth > 0) {
        if (depth <= sink.maxDepth) locations.pop();
        depth--;
      }
    } else {
      const tag = scanStartTag(text, lt);
      if (tag === undefined) {
        i = lt + 1; // a lone `<` is text
        continue;
      }
      end = tag.end;
      if (visible) addText(text, textStart, lt, location, sink);
      if (depth >= sink.maxDepth) sink.over('depth');
      else {
        const element = locationName(location, tag.name);
        for (const [name, value] of tag.attributes) {
          // Namespace declarations are URLs of schemas, not input.
          if (value === '' || name === 'xmlns' || name.startsWith('xmlns:')) continue;
          sink.add(locationName(element, name, '@'), 'body-value', value);
        }
        if (!tag.selfClosing) locations.push(element);
      }
      if (!tag.selfClosing) depth++;
    }
    markup = true;
    i = end;
    textStart = end;
  }
  if (markup && depth <= sink.maxDepth)
    addText(text, textStart, text.length, locations[locations.length - 1]!, sink);
  return markup;
}
