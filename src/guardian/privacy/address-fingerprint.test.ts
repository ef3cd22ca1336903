import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addressFingerprint, fingerprintKeyId } from './address-fingerprint.js';

describe('addressFingerprint', () => {
  const key = Buffer.alloc(32, 7);

  it('is ip: and 16 hex digits of HMAC-SHA256 under the key, and never the address', () => {
    const expected = createHmac('sha256', key).update('203.0.113.7').digest('hex').slice(0, 16);
    expect(addressFingerprint('203.0.113.7', key)).toBe(`ip:${expected}`);
    expect(addressFingerprint('203.0.113.7', key)).toMatch(/^ip:[0-9a-f]{16}$/);
  });

  it('differs by address and by key', () => {
    expect(addressFingerprint('203.0.113.7', key)).not.toBe(addressFingerprint('203.0.113.8', key));
    expect(addressFingerprint('203.0.113.7', key)).not.toBe(
      addressFingerprint('203.0.113.7', Buffer.alloc(32, 8)),
    );
    expect(fingerprintKeyId(key)).not.toBe(fingerprintKeyId(Buffer.alloc(32, 8)));
  });
});
