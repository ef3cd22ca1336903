import type { CanaryKind } from './canary-kind.js';
import type { CanaryShape } from './canary-shape.js';
import type { RadixCodec } from './radix-codec.js';

/** A shape whose token is decoys around one code: the sealed intruder, nonce and MAC in the shape's digits. */
export interface CodeShapeSpec {
  readonly kind: CanaryKind;
  readonly exact: RegExp;
  readonly scan: string;
  readonly codec: RadixCodec;
  /** The decoy text around the code (names, words), picked from the seed; the MAC covers it. */
  decorate?(seed: Buffer): string;
  join(code: string, decoration: string): string;
  /** The code and decoration of a token that matched `exact`, or undefined when it cannot hold a canary. */
  split(token: string): readonly [code: string, decoration: string] | undefined;
}

/** A CanaryShape from the parts that differ between code-bearing kinds. */
export function codeShape(spec: CodeShapeSpec): CanaryShape {
  const { kind, exact, scan, codec } = spec;
  return {
    kind,
    exact,
    scan,
    mint(intruder, seed, seal) {
      const decoration = spec.decorate?.(seed) ?? '';
      const bytes = seal.close(kind, intruder, seed.readUInt16BE(0), decoration, codec.size);
      return spec.join(codec.encode(bytes), decoration);
    },
    open(token, seal) {
      const parts = spec.split(token);
      const bytes = parts && codec.decode(parts[0]);
      return parts && bytes && seal.open(kind, bytes, parts[1]);
    },
  };
}
