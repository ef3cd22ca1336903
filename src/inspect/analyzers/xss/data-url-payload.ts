import { isSpace } from './char-class.js';

const MAX_PAYLOAD = 8192;

/**
 * The document a `data:` URL (its `:` at `colon`) carries: base64-decoded when the header says so,
 * percent-decoded otherwise; undefined when it does not decode. Payloads hide markup this way
 * (`data:text/html;base64,PHNjcmlwdD4…`).
 * @example dataUrlPayload('data:text/html;base64,PGI+', 4) // '<b>'
 */
export function dataUrlPayload(url: string, colon: number): string | undefined {
  const comma = url.indexOf(',', colon);
  if (comma < 0) return undefined;
  const header = url.slice(colon + 1, comma).toLowerCase();
  const body = url.slice(comma + 1, comma + 1 + MAX_PAYLOAD);
  if (header.includes('base64')) {
    let compact = '';
    for (let i = 0; i < body.length; i++) if (!isSpace(body.charCodeAt(i))) compact += body[i];
    try {
      return atob(compact.replace(/[^A-Za-z0-9+/]/g, ''));
    } catch {
      return undefined;
    }
  }
  try {
    return decodeURIComponent(body);
  } catch {
    return body;
  }
}
