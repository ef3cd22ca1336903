import type { Random } from '../random.js';
import { percentEncodeAll } from './escape-for-target.js';
import type { InjectionPointName } from './injection-points.js';

/** A way of writing a payload that means the same to its target, to get it past a filter. */
export interface Encoding {
  /** The injection points where the target decodes it (everywhere when absent). */
  readonly points?: readonly InjectionPointName[];
  apply(payload: string, random: Random): string;
}

const DECODED = ['query', 'url-param', 'path', 'form', 'cookie'] as const;

/** Every encoding, by name. */
export const ENCODINGS = {
  plain: { apply: (p: string) => p },
  /** Every character but letters and digits percent-encoded. */
  url: { points: DECODED, apply: (p: string) => percentEncodeAll(p) },
  /** Percent-encoded twice, for targets that decode twice. */
  'double-url': { points: DECODED, apply: (p: string) => percentEncodeAll(percentEncodeAll(p)) },
  /** Letters in random case: SQL keywords, HTML tags. */
  'mixed-case': {
    apply: (p: string, random: Random) =>
      p.replace(/[a-z]/gi, (c) => (random.next() < 0.5 ? c.toLowerCase() : c.toUpperCase())),
  },
  /** Spaces as empty SQL comments. */
  'sql-comment': { apply: (p: string) => p.replace(/ /g, '/**/') },
  /** Spaces as the shell's field separator. */
  ifs: { apply: (p: string) => p.replace(/ /g, `\${IFS}`) },
  /** Dots percent-encoded (`%2e%2e/`). */
  'dot-encode': { points: DECODED, apply: (p: string) => p.replace(/\./g, '%2e') },
  /** Slashes as an overlong UTF-8 sequence, which old decoders read as `/`. */
  overlong: { points: DECODED, apply: (p: string) => p.replace(/\//g, '%c0%af') },
} satisfies Record<string, Encoding>;

/** The name of an encoding. */
export type EncodingName = keyof typeof ENCODINGS;

/** True when the encoding makes sense at the injection point (the target would decode it there). */
export function encodingFits(name: EncodingName, point: InjectionPointName): boolean {
  const points = (ENCODINGS[name] as Encoding).points;
  return points === undefined || points.includes(point);
}
