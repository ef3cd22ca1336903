import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
  type ScryptOptions,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';
import { InfinisecError } from '../../core/index.js';

// An encrypted backup: this header (also authenticated as GCM's additional data), then the gzip stream under
// AES-256-GCM, then the 16-byte tag. The check value tells a wrong passphrase from a damaged file at once.
const MAGIC = Buffer.from('ISECBAK\u0001', 'latin1');
const SALT_BYTES = 16;
const IV_BYTES = 12;
const CHECK_BYTES = 16;
const TAG_BYTES = 16;
/** Bytes before the ciphertext: magic, scrypt's log2 N, r and p, salt, IV, passphrase check. */
export const ENCRYPTED_HEADER_BYTES = MAGIC.length + 3 + SALT_BYTES + IV_BYTES + CHECK_BYTES;

// scrypt at N = 2^15, r = 8 (32 MiB, about 0.1 s); a header may ask for up to N = 2^17 and 256 MiB, no more.
const LOG_N = 15;
const MAX_LOG_N = 17;
const MAX_SCRYPT_BYTES = 256 * 2 ** 20;
const R = 8;
const P = 1;

/** Whether the first bytes of a file are those of an encrypted backup. */
export function isEncryptedBackup(head: Buffer): boolean {
  return head.subarray(0, MAGIC.length).equals(MAGIC);
}

interface Keys {
  readonly cipher: Buffer;
  readonly check: Buffer;
}

function deriveKeys(passphrase: string, salt: Buffer, logN: number, r: number, p: number): Promise<Keys> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 128 * 2 ** logN * r * 2 + 2 ** 20 };
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, 64, options, (err, key) => {
      if (err) reject(err);
      else resolve({ cipher: key.subarray(0, 32), check: key.subarray(32) });
    }),
  );
}

const checkValue = (keys: Keys) =>
  createHmac('sha256', keys.check).update('infinisec backup passphrase').digest().subarray(0, CHECK_BYTES);

/**
 * The transform that encrypts a backup's gzip stream under a passphrase: the header first, the tag last.
 * @example await pipeline(source, createGzip(), await encryptingTransform(passphrase), out);
 */
export async function encryptingTransform(
  passphrase: string,
): Promise<(source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const keys = await deriveKeys(passphrase, salt, LOG_N, R, P);
  const header = Buffer.concat([MAGIC, Buffer.from([LOG_N, R, P]), salt, iv, checkValue(keys)]);
  return async function* encrypt(source) {
    const cipher = createCipheriv('aes-256-gcm', keys.cipher, iv);
    cipher.setAAD(header);
    yield header;
    for await (const chunk of source) yield cipher.update(chunk);
    yield cipher.final();
    yield cipher.getAuthTag();
  };
}

const wrongPassphrase = (file: string) =>
  new InfinisecError(
    'INFINISEC_ERR_SECRET_OPEN',
    'backup',
    `${file}: the passphrase does not open this backup (check the variable --passphrase-env names)`,
  );

/**
 * The transform that decrypts what follows the header of an encrypted backup; throws INFINISEC_ERR_SECRET_OPEN
 * for a wrong passphrase before anything is read, and fails at the end when any byte was altered.
 */
export async function decryptingTransform(
  file: string,
  header: Buffer,
  passphrase: string,
): Promise<(source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>> {
  const at = MAGIC.length;
  const [logN, r, p] = [header[at]!, header[at + 1]!, header[at + 2]!];
  const salt = header.subarray(at + 3, at + 3 + SALT_BYTES);
  const iv = header.subarray(at + 3 + SALT_BYTES, at + 3 + SALT_BYTES + IV_BYTES);
  const check = header.subarray(ENCRYPTED_HEADER_BYTES - CHECK_BYTES, ENCRYPTED_HEADER_BYTES);
  if (logN < 10 || logN > MAX_LOG_N || r < 1 || 128 * 2 ** logN * r > MAX_SCRYPT_BYTES || p < 1 || p > 4)
    throw new InfinisecError('INFINISEC_ERR_BACKUP', 'backup', `${file}: the encryption header is damaged`);
  const keys = await deriveKeys(passphrase, salt, logN, r, p);
  if (!timingSafeEqual(checkValue(keys), check)) throw wrongPassphrase(file);
  return async function* decrypt(source) {
    const decipher = createDecipheriv('aes-256-gcm', keys.cipher, iv);
    decipher.setAAD(header);
    // The last 16 bytes are the tag: held back until the end.
    let held: Buffer = Buffer.alloc(0);
    for await (const chunk of source) {
      const bytes = held.length === 0 ? (chunk as Buffer) : Buffer.concat([held, chunk as Buffer]);
      const cut = Math.max(0, bytes.length - TAG_BYTES);
      held = bytes.subarray(cut);
      if (cut > 0) yield decipher.update(bytes.subarray(0, cut));
    }
    if (held.length < TAG_BYTES)
      throw new InfinisecError('INFINISEC_ERR_BACKUP', 'backup', `${file}: the file is cut short`);
    decipher.setAuthTag(held);
    try {
      yield decipher.final();
    } catch (err) {
      throw new InfinisecError(
        'INFINISEC_ERR_BACKUP',
        'backup',
        `${file}: the encrypted data was altered or damaged (authentication failed)`,
        { cause: err },
      );
    }
  };
}
