import type { Hit } from './hit.js';

// Object-graph paths that a binder or merge walks into the runtime itself: the JS prototype, Spring's
// class loader (Spring4Shell), Python's function globals (class pollution).
const PROTOTYPE = /__proto__|\bconstructor\s*(?:\]\s*)?(?:\[\s*["']?|\.\s*)prototype\b/;
const CLASS_LOADER = /\bclass\s*(?:[.[]\s*["']?module["']?\s*\]?\s*)?[.[]\s*["']?classLoader\b/i;
const PY_GLOBALS = /__init__\s*\.\s*__globals__/;

function hitIn(text: string, confidence: number): Hit | undefined {
  const loader = CLASS_LOADER.exec(text);
  if (loader !== null)
    return {
      rule: 'class-loader-binding',
      confidence: 1,
      evidence: text.slice(loader.index, loader.index + 64),
    };
  const proto = PROTOTYPE.exec(text);
  if (proto !== null)
    return {
      rule: 'prototype-pollution',
      confidence,
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
  return hitIn(location, 0.9) ?? hitIn(text, 0.75);
}
