/** How risky an element is without script of its own: alone, and with the attribute that makes it load. */
export interface ElementRisk {
  readonly alone: number;
  /** Attributes that make the element fetch or run something. */
  readonly loads?: readonly string[];
  readonly loaded?: number;
}

/**
 * Elements that load active content, reframe the page or redirect it, and the old IE ones that run
 * script by other means. Formatting markup (`b`, `p`, `a`, `img`, `svg` …) is absent: without a handler
 * or a script URL it cannot run anything.
 */
export const DANGEROUS_ELEMENTS: ReadonlyMap<string, ElementRisk> = new Map<string, ElementRisk>([
  ['iframe', { alone: 0.6, loads: ['src', 'srcdoc', 'data'], loaded: 0.7 }],
  ['frame', { alone: 0.6, loads: ['src'], loaded: 0.7 }],
  ['frameset', { alone: 0.5 }],
  ['portal', { alone: 0.6, loads: ['src'], loaded: 0.8 }],
  ['object', { alone: 0.75, loads: ['data', 'classid', 'codebase', 'src', 'type'], loaded: 0.9 }],
  ['embed', { alone: 0.75, loads: ['src', 'code'], loaded: 0.9 }],
  ['applet', { alone: 0.8, loads: ['code', 'archive', 'codebase', 'object'], loaded: 0.9 }],
  ['base', { alone: 0.6, loads: ['href'], loaded: 0.9 }],
  ['link', { alone: 0.5, loads: ['href'], loaded: 0.7 }],
  ['style', { alone: 0.7 }],
  ['form', { alone: 0.4, loads: ['action'], loaded: 0.6 }],
  ['isindex', { alone: 0.7 }],
  ['import', { alone: 0.6, loads: ['implementation'], loaded: 0.9 }],
  ['vmlframe', { alone: 0.85, loads: ['src'], loaded: 0.9 }],
  ['xml', { alone: 0, loads: ['src'], loaded: 0.9 }],
  ['bgsound', { alone: 0.6, loads: ['src'], loaded: 0.8 }],
  ['layer', { alone: 0.6, loads: ['src'], loaded: 0.9 }],
  ['ilayer', { alone: 0.6, loads: ['src'], loaded: 0.9 }],
  ['template', { alone: 0.4 }],
  ['handler', { alone: 0.6 }],
  ['listener', { alone: 0.6, loads: ['handler'], loaded: 0.9 }],
]);
