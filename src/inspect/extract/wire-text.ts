const UTF8 = new TextDecoder('utf-8', { fatal: true });
// A char from U+0080 to U+00FF, where no char is past U+00FF: bytes read one per char.
const HIGH_BYTE = /[\u0080-\u00ff]/;
const WIDE = /[^\u0000-\u00ff]/;

/**
 * A header value as the application will most likely read it. Node hands header bytes over one char per
 * byte (latin1); a client that sent UTF-8 (`’ OR ’1’=’1` in a cookie) arrives as `â\u0080\u0099 OR …`. When
 * those bytes are valid UTF-8, their UTF-8 reading is returned; otherwise (Latin-1 text, binary) the value
 * as it is, and a value already past U+00FF (built in process) is left alone.
 * @example wireText('caf\u00c3\u00a9') // 'café'
 */
export function wireText(value: string): string {
  if (!HIGH_BYTE.test(value) || WIDE.test(value)) return value;
  try {
    return UTF8.decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}
