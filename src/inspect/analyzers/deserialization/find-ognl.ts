import type { Hit } from './hit.js';

// `@java.lang.Runtime@getRuntime()`: OGNL's static member access, a class between two `@`.
const STATIC_ACCESS = /@(?:[A-Za-z_$][\w$]*\.)+[A-Z][\w$]*@[A-Za-z_$][\w$]*/;
// The sandbox switches every Struts exploit flips.
const SANDBOX =
  /#_?memberAccess|#context\s*\[|OgnlContext|DEFAULT_MEMBER_ACCESS|xwork\.MethodAccessor|excludedClasses|excludedPackageNames/;
// `(#cmd='id')`: an OGNL variable assignment in an expression list.
const ASSIGNMENT = /\(\s*#[A-Za-z_]\w*\s*=/;
const FORCED_SPAN = 256;

// `%{...#...}` / `%{...@...}`: forced OGNL evaluation of an expression using variables or statics.
// Hand-scanned: each `%{` looks at most FORCED_SPAN chars ahead and the scan resumes past them.
function forcedAt(text: string): number {
  for (let i = text.indexOf('%{'); i >= 0; i = text.indexOf('%{', i)) {
    const end = Math.min(text.length, i + 2 + FORCED_SPAN);
    let j = i + 2;
    for (; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === 125) break;
      if (c === 35 || c === 64) return i;
    }
    i = j;
  }
  return -1;
}

/** Struts/XWork OGNL injection: static member access, sandbox tampering, variable assignments, `%{}`. */
export function findOgnl(text: string): Hit | undefined {
  const statics = STATIC_ACCESS.exec(text) ?? SANDBOX.exec(text);
  if (statics !== null)
    return { rule: 'ognl', confidence: 1, evidence: text.slice(statics.index, statics.index + 64) };
  const assignment = ASSIGNMENT.exec(text);
  if (assignment !== null) {
    const forced = forcedAt(text) >= 0;
    return {
      rule: 'ognl',
      confidence: forced ? 0.9 : 0.85,
      evidence: text.slice(assignment.index, assignment.index + 64),
    };
  }
  const forced = forcedAt(text);
  return forced < 0
    ? undefined
    : { rule: 'ognl', confidence: 0.8, evidence: text.slice(forced, forced + 64) };
}
