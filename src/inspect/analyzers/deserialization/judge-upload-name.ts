import type { Hit } from './hit.js';

// Pages a servlet container compiles and runs when they land under the web root: JSP and its XML form.
const JSP_EXTENSION: ReadonlySet<string> = new Set(['jsp', 'jspx']);
const MAX_NAME = 1024;

function isNoise(c: number): boolean {
  return c === 32 || c === 46 || (c >= 9 && c <= 13);
}

// The extension as the file system will see it: Windows drops trailing dots and spaces (`shell.jsp. .`),
// and spaces around the last dot are noise (`shell. jsp`). Hand-written: no regex to backtrack.
function extension(base: string): { readonly ext: string; readonly evaded: boolean } {
  let end = base.length;
  while (end > 0 && isNoise(base.charCodeAt(end - 1))) end--;
  const dot = base.lastIndexOf('.', end - 1);
  if (dot < 0) return { ext: '', evaded: false };
  let from = dot + 1;
  while (from < end && isNoise(base.charCodeAt(from))) from++;
  const ext = base.slice(from, end).toLowerCase();
  const spaced = from !== dot + 1 || (dot > 0 && base.charCodeAt(dot - 1) === 32);
  return { ext, evaded: end !== base.length || spaced };
}

/**
 * An uploaded file name a Java web container would run: a `.jsp` or `.jspx` page, harder when hidden
 * behind trailing dots or spaces.
 * @example judgeUploadName('shell.jsp.') // { rule: 'jsp-upload', confidence: 1, … }
 */
export function judgeUploadName(raw: string): Hit | undefined {
  const name = raw.length > MAX_NAME ? raw.slice(0, MAX_NAME) : raw;
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const { ext, evaded } = extension(base);
  if (!JSP_EXTENSION.has(ext)) return undefined;
  return { rule: 'jsp-upload', confidence: evaded ? 1 : 0.9, evidence: raw };
}
