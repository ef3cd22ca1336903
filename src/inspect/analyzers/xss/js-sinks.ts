/** Calls an XSS probe or payload makes to prove or run code: no ordinary input calls them. */
export const PROBE_CALLS: ReadonlySet<string> = new Set([
  'alert',
  'prompt',
  'confirm',
  'eval',
  'execScript',
  'msgbox',
  'MsgBox',
]);

/** Calls that run strings as code, load code or reshape the DOM: a payload's working parts. */
export const CODE_CALLS: ReadonlySet<string> = new Set([
  'setTimeout',
  'setInterval',
  'setImmediate',
  'Function',
  'constructor',
  'globalEval',
  'getScript',
  'importScripts',
  'fetch',
  'import',
  'fromCharCode',
  'atob',
  'btoa',
  'unescape',
  'insertAdjacentHTML',
  'execCommand',
  'sendBeacon',
  'ActiveXObject',
]);

/** Calls that are sinks only on a global or the document (`window.open(`, `document.write(`): bare, they are common words. */
export const MEMBER_CALLS: ReadonlySet<string> = new Set([
  'write',
  'writeln',
  'open',
  'assign',
  'replace',
  'navigate',
  'createElement',
  'appendChild',
  'querySelector',
  'getElementById',
  'postMessage',
]);

/** Objects through which a payload reaches its sinks. */
export const GLOBAL_OBJECTS: ReadonlySet<string> = new Set([
  'window',
  'self',
  'top',
  'parent',
  'globalThis',
  'frames',
  'opener',
  'content',
  'this',
  'document',
  'location',
  'navigation',
]);

/** Properties whose reading leaks a secret or whose writing navigates or injects markup. */
export const SENSITIVE_PROPERTIES: ReadonlySet<string> = new Set([
  'cookie',
  'domain',
  'location',
  'href',
  'innerHTML',
  'outerHTML',
  'localStorage',
  'sessionStorage',
]);

/** Words that may sit between an operator and a sink without ending the glue (`;new Function(…)`). */
export const GLUE_KEYWORDS: ReadonlySet<string> = new Set([
  'new',
  'void',
  'typeof',
  'throw',
  'return',
  'delete',
  'await',
  'in',
  'instanceof',
]);
