const MAX_SCAN = 4096;
// XSLT extension functions and elements that run code or read files on the server: PHP's
// registerPHPFunctions, Xalan's and Saxon's Java bindings, MSXML's script blocks, `document()` and
// `unparsed-text()` on a local file or another host, and stylesheets pulled from elsewhere.
const REACHES_OUT =
  /php:function|xalan:\/\/|java:|saxon:|msxsl:script|urn:schemas-microsoft-com:xslt|unparsed-text\s*\(|document\s*\(\s*['"]?(?:file:|https?:|ftp:|\/|\\|[a-z]:\\)|<xsl:(?:include|import)\b/i;

/** XSLT markup in a value and whether it reaches beyond the stylesheet. */
export interface Xslt {
  readonly at: number;
  readonly reachesOut: boolean;
}

/**
 * Finds an XSLT stylesheet or XSLT instructions (`<xsl:value-of select="php:function('passthru','id')"/>`):
 * code for the server's XSLT processor, sent where the application transforms what it is given.
 * @example findXslt('<xsl:value-of select="system-property(\'xsl:vendor\')"/>') // { at: 0, reachesOut: false }
 */
export function findXslt(s: string): Xslt | undefined {
  const lower = s.slice(0, MAX_SCAN).toLowerCase();
  let at = lower.indexOf('<xsl:');
  if (at < 0) at = lower.indexOf('1999/xsl/transform');
  if (at < 0) return undefined;
  return { at, reachesOut: REACHES_OUT.test(lower) };
}
