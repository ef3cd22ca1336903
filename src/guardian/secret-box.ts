import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { InfinisecError } from '../core/index.js';

/** Seals and opens secrets with one key: AES-256-GCM, the secret's name bound in as authenticated data. */
export interface SecretBox {
  /** Which key this is: sealed values carry it, so they say which key they need. */
  readonly keyId: string;
  /** `v1.<keyId>.<iv>.<tag>.<ciphertext>`, base64url, a fresh random IV each time. */
  seal(name: string, plaintext: string | Buffer): string;
  /** The plaintext, or INFINISEC_ERR_SECRET_OPEN for a wrong key, an altered value or another name. */
  open(name: string, sealed: string): Buffer;
}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const B64URL = /^[A-Za-z0-9_-]*$/;

/** First 8 hex characters of the key's SHA-256: names the key without giving it away. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function cannotOpen(name: string, why: string): InfinisecError {
  return new InfinisecError('INFINISEC_ERR_SECRET_OPEN', 'guardian.secrets', `"${name}": ${why}`);
}

// Strict base64url: Buffer.from would skip stray characters and ignore changed padding bits.
function decode(part: string | undefined): Buffer | undefined {
  if (part === undefined || !B64URL.test(part)) return undefined;
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : undefined;
}

/**
 * A secret box over a 32-byte key; throws INFINISEC_ERR_SECRET_KEY for a key of another size.
 * @example const box = createSecretBox(key); const sealed = box.seal('totp:u1', secret);
 * box.open('totp:u1', sealed).equals(Buffer.from(secret)); // true
 */
export function createSecretBox(key: Buffer, keyId: string = keyIdOf(key)): SecretBox {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES)
    throw new InfinisecError(
      'INFINISEC_ERR_SECRET_KEY',
      'guardian.secrets',
      `the key must be ${KEY_BYTES} bytes`,
    );
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(keyId))
    throw new InfinisecError(
      'INFINISEC_ERR_SECRET_KEY',
      'guardian.secrets',
      'a key id is letters, digits, _ or -',
    );
  const own = Buffer.from(key); // a copy: the caller may wipe theirs
  return {
    keyId,
    seal(name, plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', own, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(name, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
      return ['v1', keyId, ...parts].join('.');
    },
    open(name, sealed) {
      const [version, id, ...rest] = sealed.split('.');
      if (version !== 'v1' || rest.length !== 3) throw cannotOpen(name, 'not a sealed value');
      if (id !== keyId) throw cannotOpen(name, `sealed with key ${id}, not with this key (${keyId})`);
      const [iv, tag, body] = rest.map(decode);
      if (iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES || body === undefined)
        throw cannotOpen(name, 'not a sealed value');
      try {
        const decipher = createDecipheriv('aes-256-gcm', own, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(name, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]);
      } catch (cause) {
        throw new InfinisecError(
          'INFINISEC_ERR_SECRET_OPEN',
          'guardian.secrets',
          `"${name}": a wrong key, an altered value, or a value sealed under another name`,
          { cause },
        );
      }
    },
  };
}
