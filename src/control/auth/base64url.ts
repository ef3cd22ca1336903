const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** Unpadded base64url (RFC 4648 §5) of some bytes. */
export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/**
 * The bytes of strict, unpadded, canonical base64url, or undefined. Node's own decoder skips illegal
 * characters and accepts padding; a token must have exactly one spelling, so this one refuses both.
 * @example decodeBase64Url('aGk') // <Buffer 68 69>; decodeBase64Url('aGk=') // undefined
 */
export function decodeBase64Url(text: string): Buffer | undefined {
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  // Unused low bits of the last character must be zero, else two strings decode alike.
  return bytes.toString('base64url') === text ? bytes : undefined;
}
