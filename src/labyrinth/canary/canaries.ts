import type { CanaryKind, CanaryMint } from './canary-kind.js';

/** Who a canary was minted for, and which kind of decoy secret it is. */
export interface CanaryOrigin {
  /** The intruder id: 8 lowercase hex characters. */
  readonly intruder: string;
  readonly kind: CanaryKind;
}

/** A canary found in a text, with the token as minted (URL escapes of its delimiters decoded). */
export interface CanaryHit extends CanaryOrigin {
  readonly token: string;
}

/** Mints the decoy secrets of the labyrinth and recognises them when they come back, from any address. */
export interface Canaries {
  /** A deterministic mint bound to one intruder (id: 8 lowercase hex chars = 32 bits); throws a TypeError for a bad id. */
  mintFor(intruder: string): CanaryMint;
  /** The intruder and kind a candidate token was minted for, or undefined (forged, altered, or not a canary). O(1). */
  verify(candidate: string): CanaryOrigin | undefined;
  /**
   * Every distinct canary found in a text (a request target, header value, cookie or body prefix), at most
   * `max` (default 8), looking at no more than 64 look-alikes. Linear in the text; the caller bounds it.
   */
  find(text: string, max?: number): CanaryHit[];
}
