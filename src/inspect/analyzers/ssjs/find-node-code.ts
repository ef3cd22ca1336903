import { constantCondition } from './constant-truth.js';

/** What one detector saw in one spelling of a value. */
export interface NodeCodeHit {
  /** `serialized-function`, `runtime-access`, `endless-loop`, `busy-wait` or `eval-probe`. */
  readonly rule: string;
  readonly confidence: number;
  readonly at: number;
}

// node-serialize revives `_$$ND_FUNC$$_function(){...}` with eval; funcster does the same for __js_function.
const SERIALIZED_FUNCTION = /_\$\$ND_FUNC\$\$_|__js_function/;
// What injected code does to reach the OS: core modules that run programs or touch files and sockets
// (required or imported), the process object's native hooks and exits, and the Function constructor
// reached through any object.
const RUNTIME_ACCESS =
  /\b(?:require|import)\s*\(\s*["'`](?:node:)?(?:child_process|fs|net|vm|os|dgram|cluster|worker_threads|module|process)["'`]|\bchild_process\s*\.\s*(?:exec|spawn|fork)|["'`]child_process["'`]|\bprocess\s*(?:\.\s*|\[\s*["'`]?)(?:mainModule|binding|dlopen|kill|exit|abort)\b|\bglobal(?:This)?\s*(?:\.\s*|\[\s*["'`])process\b|\brequire\s*\.\s*main\b|\bmodule\s*\.\s*constructor\s*\.\s*_load\b|\bconstructor\s*\.\s*constructor\b|\beval\s*\(\s*String\s*\.\s*fromCharCode\b/;
// Probing for an evaluation context: the environment, the console, the Function constructor, a `vm`
// sandbox, module exports, an anonymous function, computed access to `process` or `require`.
const PROBE =
  /\bprocess\s*(?:\.\s*env\b|\[)|\bconsole\s*(?:\.\s*\w+|\[\s*["'`]\w+["'`]\s*\])\s*(?:\.\s*(?:call|apply)\s*)?\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]|\bvm\s*\.\s*runIn\w*Context\s*\(|\bmodule\s*\.\s*exports\s*=|\bfunction\s*\([\w\s,]*\)\s*\{|\brequire\s*\[/;
const WHILE = /\bwhile\s*\(/g;
// A loop that spins until the clock has moved on by a constant (`while(b-a<20000)`, `while(Date.now()-t<5e3)`):
// a delay a blind injection times the answer by.
const CLOCK = /\bnew\s+Date\b|\bDate\s*\.\s*now\s*\(/;
const SPIN_UNTIL =
  /\bwhile\s*\(\s*(?:new\s+)?[A-Za-z_$][\w$.]*(?:\s*\(\s*\))?\s*-\s*[A-Za-z_$][\w$.]*(?:\s*\(\s*\))?\s*<=?\s*(?:\d{3,}|\d+e\d)\s*\)/;
const FOR_EVER = /\bfor\s*\(\s*;\s*;\s*\)/;
const MAX_LOOPS = 16;

function endlessLoopAt(text: string): number {
  const forever = FOR_EVER.exec(text);
  if (forever !== null) return forever.index;
  WHILE.lastIndex = 0;
  let loops = 0;
  for (let m = WHILE.exec(text); m !== null && loops++ < MAX_LOOPS; m = WHILE.exec(text)) {
    if (constantCondition(text, WHILE.lastIndex) === true) return m.index;
  }
  return -1;
}

/**
 * Server-side JavaScript in one spelling of a value, strongest first: a serialized function that a
 * deserializer revives, code reaching the OS (`require('child_process')`, `process.mainModule`,
 * `constructor.constructor`), a loop that never ends (`while(!0)`, `for(;;)`) or spins on the clock
 * (`do{b=new Date()}while(b-a<20000)`), or a probe for an
 * evaluation context (`process.env`, `console.log(1)`, `new Function(`, `module.exports=`).
 */
export function findNodeCode(text: string): NodeCodeHit | undefined {
  const revived = SERIALIZED_FUNCTION.exec(text);
  if (revived !== null) return { rule: 'serialized-function', confidence: 1, at: revived.index };
  const runtime = RUNTIME_ACCESS.exec(text);
  if (runtime !== null) return { rule: 'runtime-access', confidence: 0.95, at: runtime.index };
  const loop = endlessLoopAt(text);
  if (loop >= 0) return { rule: 'endless-loop', confidence: 0.9, at: loop };
  if (CLOCK.test(text)) {
    const spin = SPIN_UNTIL.exec(text);
    if (spin !== null) return { rule: 'busy-wait', confidence: 0.9, at: spin.index };
  }
  const probe = PROBE.exec(text);
  return probe === null ? undefined : { rule: 'eval-probe', confidence: 0.9, at: probe.index };
}
