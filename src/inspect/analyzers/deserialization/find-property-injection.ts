import type { Hit } from './hit.js';

// Object-graph paths that a binder or merge walks into the runtime itself: the JS prototype, Spring's
// class loader (Spring4Shell), Python's function globals (class pollution).
const PROTOTYPE = /__proto__|\bconstructor\s*(?:\]\s*)?(?:\[\s*["']?|\.\s*)prototype\b/;
const CLASS_LOADER = /\bclass\s*(?:[.[]\s*["']?module["']?\s*\]?\s*)?[.[]\s*["']?classLoader\b/i;
const PY_GLOBALS = /__init__\s*\.\s*__globals__/;
// Written as a step of a path or an object key (`__proto__[x]`, `__proto__.x`, `{"__proto__":`,
// `constructor[prototype]`, `{"constructor":{"prototype":`) or assigned into a built-in's prototype
// (`Object.prototype.x = 1`), rather than named in passing: what a merge or a query parser walks.
const AS_PATH =
  /__proto__\s*(?:[[.]|["']?\s*:)|[[.]\s*["']?__proto__|\bconstructor\s*(?:\]\s*)?(?:\[\s*["']?|\.\s*)prototype\s*["']?\s*[\].[:]|\bconstructor["']?\s*:\s*\{\s*["']?prototype["']?\s*:|\b(?:Object|Array|Function|String|Number|Boolean)\s*\.\s*prototype\s*(?:\.\s*[\w$]+|\[[^\]]{0,64}\])\s*=(?!=)/;

function hitIn(text: string, confidence: number): Hit | undefined {
  const loader = CLASS_LOADER.exec(text);
  if (loader !== null)
    return {
      rule: 'class-loader-binding',
      confidence: 1,
      evidence: text.slice(loader.index, loader.index + 64),
    };
  const path = AS_PATH.exec(text);
  const proto = path ?? PROTOTYPE.exec(text);
  if (proto !== null)
    return {
      rule: 'prototype-pollution',
      confidence: path === null ? confidence : Math.max(confidence, 0.9),
      evidence: text.slice(Math.max(0, proto.index - 16), proto.index + 48),
    };
  const globals = PY_GLOBALS.exec(text);
  return globals === null ? undefined : { rule: 'prototype-pollution', confidence, evidence: globals[0] };
}

/**
 * Property-path injection: a parameter or JSON key path (`location`) or a value that reaches
 * `__proto__`, `constructor.prototype`, `class.module.classLoader` or `__init__.__globals__`.
 */
export function findPropertyInjection(text: string, location: string): Hit | undefined {
  const inLocation = hitIn(location, 0.9);
  if (inLocation !== undefined) return inLocation;
  const inText = hitIn(text, 0.75);
  return inText === undefined ? undefined : { ...inText, quotable: true };
}
