import type { Finding } from '../core/index.js';
import type { InspectedValue } from './inspectable.js';
import type { ParsedRequest } from './parsed-request.js';

/**
 * One attack family's detector. It may look at each extracted value (with its normalized variants), at the
 * request as a whole (protocol anomalies, scanner signatures), or both. Pure: no I/O, no state between calls.
 */
export interface Analyzer {
  /** Short id used in findings and reasons, e.g. `sqli`. */
  readonly id: string;
  /**
   * True when the analyzer can find nothing in plain text: values whose every spelling is only letters,
   * digits, spaces and `+ . , - _`. The inspector then skips it for such values, which are most values.
   */
  readonly quietOnPlainText?: boolean;
  /**
   * True when the analyzer also reads a form-encoded value as received when `+` for a space is its only
   * encoding (a page script that decodes without `+` handling reads `'+alert(1)+'` so). Other analyzers
   * get that value's spellings without it: the server reads `+` as a space, which the next spelling has.
   */
  readonly readsFormPlus?: boolean;
  analyzeValue?(value: InspectedValue): readonly Finding[];
  analyzeRequest?(request: ParsedRequest): readonly Finding[];
  /**
   * What the analyzer finds in one window of the rest of a body past the inspected prefix: `request.values`
   * are the window's values and, for a form, `request.view.body` is its text (with the end of the text
   * before it). Only what depends on the body: the request itself was analyzed with the prefix.
   */
  analyzeBodyRest?(request: ParsedRequest): readonly Finding[];
}

/** Builds an analyzer from its options; a factory validates its own options and throws on bad ones. */
export type AnalyzerFactory = (options: Readonly<Record<string, unknown>>) => Analyzer;

/** Analyzer factories by name. */
export interface AnalyzerRegistry {
  register(name: string, factory: AnalyzerFactory): void;
  create(name: string, options?: Readonly<Record<string, unknown>>): Analyzer;
  names(): string[];
}

/** Creates a registry; registering a name twice is a programming error. */
export function createAnalyzerRegistry(): AnalyzerRegistry {
  const factories = new Map<string, AnalyzerFactory>();
  return {
    register(name, factory) {
      if (factories.has(name)) throw new TypeError(`inspect: analyzer "${name}" is already registered`);
      factories.set(name, factory);
    },
    create(name, options = {}) {
      const factory = factories.get(name);
      if (factory === undefined) throw new TypeError(`inspect: no analyzer named "${name}"`);
      return factory(options);
    },
    names() {
      return [...factories.keys()];
    },
  };
}
