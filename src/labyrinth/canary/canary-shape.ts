import type { CanaryKind } from './canary-kind.js';
import type { CanarySeal } from './canary-seal.js';

/** How one kind of canary is written and read back: its look, and where the code hides in it. */
export interface CanaryShape {
  readonly kind: CanaryKind;
  /** The whole token, anchored; no two shapes' `exact` match the same text, so it picks the kind to try. */
  readonly exact: RegExp;
  /**
   * The token as regular-expression source, one alternative of find()'s scanner: linear (literal prefix or
   * a one-character boundary before any bounded repetition), and it may admit %-escapes of delimiters.
   */
  readonly scan: string;
  /** The token for an intruder; `seed` (16 bytes mixed from kind, intruder and slot) gives nonce and decoys. */
  mint(intruder: string, seed: Buffer, seal: CanarySeal): string;
  /** The intruder a token matching `exact` was minted for, or undefined. */
  open(token: string, seal: CanarySeal): string | undefined;
}
