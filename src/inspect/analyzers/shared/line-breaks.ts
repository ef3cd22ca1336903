// A line break as typed, or as a form sends it (`%0A`): a form field's value is inspected as received.
const LINE_BREAK = /\n|%0a/gi;

/**
 * Whether `value` holds at least `lines` lines, counting line breaks as typed or percent-encoded.
 * @example hasLines('a%0Ab\nc', 3) // true
 */
export function hasLines(value: string, lines = 2): boolean {
  LINE_BREAK.lastIndex = 0;
  let count = 1;
  while (count < lines && LINE_BREAK.test(value)) count++;
  return count >= lines;
}
