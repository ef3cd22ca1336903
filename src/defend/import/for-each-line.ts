/**
 * Calls `visit` with each line and its 1-based number, without splitting the whole text up front;
 * stops early when `visit` returns false.
 */
export function forEachLine(text: string, visit: (line: string, lineNumber: number) => boolean): void {
  let start = 0;
  for (let lineNumber = 1; start <= text.length; lineNumber++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    if (!visit(line, lineNumber) || newline < 0) return;
    start = newline + 1;
  }
}
