import type { Hit } from './hit.js';

// The GLOBAL opcode of a text-protocol pickle importing a callable from a module that runs programs:
// `cos\nsystem\n`, `cposix\nsystem\n`, `csubprocess\ncheck_output\n`, `c__builtin__\neval\n`.
const GLOBAL =
  /c(?:os|posix|nt|subprocess|builtins|__builtin__|commands|pty|socket|platform|importlib|shutil|sys|runpy|webbrowser)\n[A-Za-z_]\w*\n/;

/** A Python pickle (text protocol) that imports a program-running callable: `cos\nsystem\n(S'id'\ntR.`. */
export function findPythonPickle(text: string): Hit | undefined {
  const m = GLOBAL.exec(text);
  return m === null ? undefined : { rule: 'python-pickle', confidence: 1, evidence: m[0] };
}
