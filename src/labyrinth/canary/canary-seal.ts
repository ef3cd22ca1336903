import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CanaryKeys } from './canary-keys.js';
import { CANARY_KINDS, type CanaryKind } from './canary-kind.js';

/** Intruder id (4 bytes) and slot nonce (2 bytes): what every code carries besides its MAC. */
const PAYLOAD = 6;
const MIN_MAC = 4;

/** Seals intruder and nonce into the bytes of a token's code, and opens them again. */
export interface CanarySeal {
  /**
   * `size` bytes: a MAC (the first `size - 6` bytes of an HMAC over kind, intruder, nonce and decoration),
   * then intruder and nonce masked under a keystream drawn from that MAC, so every byte looks random.
   */
  close(kind: CanaryKind, intruder: string, nonce: number, decoration: string, size: number): Buffer;
  /** The intruder id closed into `bytes`, or undefined when the MAC does not hold. */
  open(kind: CanaryKind, bytes: Buffer, decoration: string): string | undefined;
  /** HMAC-SHA256 under the JWT key. */
  sign(input: string): Buffer;
}

/** @example createCanarySeal(deriveCanaryKeys(secret)).close('aws-key', '0badc0de', 7, '', 10) */
export function createCanarySeal(keys: CanaryKeys): CanarySeal {
  // The kind is MACed too, so a code lifted from one shape into another does not verify.
  const mac = (kind: CanaryKind, payload: Buffer, decoration: string): Buffer =>
    createHmac('sha256', keys.mac)
      .update(Uint8Array.of(CANARY_KINDS.indexOf(kind)))
      .update(payload)
      .update(decoration)
      .digest();
  const mask = (tag: Buffer, payload: Buffer): Buffer => {
    const stream = createHmac('sha256', keys.mask).update(tag).digest();
    return Buffer.from(payload.map((byte, i) => byte ^ stream[i]!));
  };

  return {
    close(kind, intruder, nonce, decoration, size) {
      if (size < PAYLOAD + MIN_MAC)
        throw new RangeError(`labyrinth.canary: a code needs ${PAYLOAD + MIN_MAC} bytes`);
      const payload = Buffer.alloc(PAYLOAD);
      payload.write(intruder, 'hex');
      payload.writeUInt16BE(nonce, 4);
      const tag = mac(kind, payload, decoration).subarray(0, size - PAYLOAD);
      return Buffer.concat([tag, mask(tag, payload)]);
    },
    open(kind, bytes, decoration) {
      if (bytes.length < PAYLOAD + MIN_MAC) return undefined;
      const tag = bytes.subarray(0, bytes.length - PAYLOAD);
      const payload = mask(tag, bytes.subarray(tag.length));
      const expected = mac(kind, payload, decoration).subarray(0, tag.length);
      return timingSafeEqual(tag, expected) ? payload.toString('hex', 0, 4) : undefined;
    },
    sign: (input) => createHmac('sha256', keys.jwt).update(input).digest(),
  };
}
