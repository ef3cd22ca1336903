import {
  EXEC,
  GADGETS,
  HOST_SUFFIXES,
  JAVA_ROOTS,
  JDK_PACKAGES,
  LIBRARY_SINKS,
  REACH,
} from './java-vocabulary.js';

const BCEL = '$$bcel$$';

/** How dangerous a dotted Java name is, and why; undefined when it is not a Java class reference. */
export interface JavaVerdict {
  readonly rule: 'java-gadget' | 'java-class' | 'java-code';
  readonly confidence: number;
}

function startsWith(segments: readonly string[], prefix: readonly string[]): boolean {
  if (segments.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (segments[i] !== prefix[i]) return false;
  return true;
}

function anyIn(segments: readonly string[], set: ReadonlySet<string>): boolean {
  for (const s of segments) if (set.has(s)) return true;
  return false;
}

// `reflect`, `ScriptEngineManager`... anywhere below the root; `Class` and `System` only as the class itself.
function reaches(segments: readonly string[]): boolean {
  const n = segments.length;
  for (let i = 1; i < n; i++) {
    const s = segments[i]!;
    if (REACH.has(s) && ((s !== 'class' && s !== 'system') || i === n - 1)) return true;
  }
  return false;
}

/**
 * Judges one chain of lower-cased identifier segments (`java.lang.Runtime` → `['java','lang','runtime']`).
 * `called` is true when the chain is directly followed by `(`, `lastUpper` when its last segment was
 * capitalized (a class rather than a package or host label).
 */
export function judgeJavaChain(
  segments: readonly string[],
  called: boolean,
  lastUpper: boolean,
): JavaVerdict | undefined {
  const n = segments.length;
  const last = segments[n - 1]!;
  if (anyIn(segments, GADGETS)) return { rule: 'java-gadget', confidence: n >= 2 ? 1 : 0.85 };
  // `$$BCEL$$…`: a class encoded into its own name, which BCEL's class loader defines when asked to load it.
  if (segments.some((s) => s.startsWith(BCEL))) return { rule: 'java-gadget', confidence: 1 };
  if (called && (last === 'getruntime' || last === 'processbuilder'))
    return { rule: 'java-code', confidence: 1 };
  if (called && (last === 'forname' || last === 'getenginebyname' || last === 'getdeclaredmethod'))
    return { rule: 'java-code', confidence: 0.9 };
  if (n < 2) return undefined;
  const java = JAVA_ROOTS.has(segments[0]!);
  const exec = anyIn(segments, EXEC);
  if (java && exec) return { rule: 'java-class', confidence: 1 };
  // An exception is named by the error reports and searches quoting it (`java.lang.reflect.
  // InvocationTargetException`), never instantiated by a payload: a hint, wherever it lives.
  if (last.endsWith('exception') || last.endsWith('error'))
    return java || anyIn(segments, REACH) ? { rule: 'java-class', confidence: 0.7 } : undefined;
  if (java && reaches(segments) && (n >= 3 || lastUpper)) return { rule: 'java-class', confidence: 0.95 };
  // `java.evil.runtime`, `ProcessBuilder.evil.x`: a program-running class dressed in a Java package.
  if (exec && (segments.includes('java') || segments.includes('javax') || segments.includes('lang')))
    return { rule: 'java-class', confidence: 0.9 };
  for (const sink of LIBRARY_SINKS)
    if (startsWith(segments, sink)) return { rule: 'java-class', confidence: 0.9 };
  if (HOST_SUFFIXES.has(last)) return undefined;
  if (java && JDK_PACKAGES.has(segments[1]!) && (n >= 3 || lastUpper)) {
    // Streams, files and sockets are what a payload builds to read, write or call out; value classes
    // (`String`, `Integer`) travel in typed protocols (GWT-RPC, Jolokia) as well.
    const io = segments[1] === 'io' || segments[1] === 'nio' || segments[1] === 'net';
    return { rule: 'java-class', confidence: io ? 0.9 : 0.7 };
  }
  if (startsWith(segments, ['org', 'apache', 'commons'])) return { rule: 'java-class', confidence: 0.7 };
  return undefined;
}
