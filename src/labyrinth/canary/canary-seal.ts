import { createHmac, hash, timingSafeEqual } from 'node:crypto';
import type { CanaryKeys } from './canary-keys.js';
import { CANARY_KINDS, type CanaryKind } from './canary-kind.js';

/** Intruder id (4 bytes) and slot nonce (2 bytes): what every code carries besides its MAC. */
const PAYLOAD = 6;
const MIN_MAC = 4;

/** Seals intruder and nonce into the bytes of a token's code, and opens them again. */
export interface CanarySeal {
  /**
   * `size` bytes: a MAC (the first `size - 6` bytes of a keyed SHA-256 over kind, intruder, nonce and
   * decoration),
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
  // SHA-256 under the secret MAC key as prefix, truncated to the tag: length extension needs the whole
  // digest, which no token shows. Half the cost of an HMAC, and a maze page mints dozens of tokens.
  const mac = (kind: CanaryKind, payload: Buffer, decoration: string): Buffer =>
    hash(
      'sha256',
      Buffer.concat([keys.mac, Uint8Array.of(CANARY_KINDS.indexOf(kind)), payload, Buffer.from(decoration)]),
      'buffer',
    );
  // A keystream for 6 bytes from the tag: SHA-256 under the secret mask key as prefix (a fixed-length
  // input, so no length extension applies), at half the cost of an HMAC.
  const mask = (tag: Buffer, payload: Buffer): Buffer => {
    const stream = hash('sha256', Buffer.concat([keys.mask, tag]), 'buffer');
    const out = Buffer.allocUnsafe(payload.length);
    for (let i = 0; i < payload.length; i++) out[i] = payload[i]! ^ stream[i]!;
    return out;
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
