import { randomBytes } from 'node:crypto';
import { type Algorithm, hash, parseOptions, verify } from '@node-rs/argon2';

// `Algorithm` is an ambient const enum, which isolatedModules cannot inline (and the package's runtime
// object is empty), so the value is spelled out: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** argon2id parameters for new hashes: OWASP's minimum (19 MiB, 2 passes, 1 lane). */
export const PASSWORD_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Bounds a stored hash must keep to be verified at all, so a planted hash cannot exhaust memory. */
export const PASSWORD_HASH_LIMITS = {
  maxMemoryCost: 262_144,
  maxTimeCost: 16,
  maxParallelism: 16,
  minOutputLen: 16,
  minSaltLen: 8,
} as const;

/** Shortest password the policy accepts, in characters (code points). */
export const PASSWORD_MIN_LENGTH = 12;
/** Longest password the policy accepts, in characters (code points). */
export const PASSWORD_MAX_LENGTH = 1024;

/**
 * The argon2id PHC string of a password (NFKC-normalized, so a password typed on another keyboard or
 * OS still matches).
 * @example await hashPassword('correct horse battery') // '$argon2id$v=19$m=19456,t=2,p=1$…'
 */
export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), PASSWORD_HASH_OPTIONS);
}

/** Whether the password matches the hash; false, never a throw, for a malformed or out-of-bounds hash. */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  if (!isVerifiableHash(hashed)) return false;
  try {
    return await verify(hashed, normalizePassword(password));
  } catch {
    return false;
  }
}

/** Whether a valid hash was made with weaker parameters than today's, so it should be replaced at login. */
export function needsRehash(hashed: string): boolean {
  const options = parsedOptions(hashed);
  if (options === undefined) return true;
  return (
    options.algorithm !== ARGON2ID ||
    options.memoryCost < PASSWORD_HASH_OPTIONS.memoryCost ||
    options.timeCost < PASSWORD_HASH_OPTIONS.timeCost ||
    options.parallelism < PASSWORD_HASH_OPTIONS.parallelism
  );
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of a real verification and answers false: call it for an unknown username so
 * that its answer takes as long as a wrong password for a known one. The dummy hash is made on
 * first use (so that first call costs one hash more).
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64url')).catch((err: unknown) => {
    dummyHash = undefined;
    throw err;
  });
  await verifyPassword(await dummyHash, password);
  return false;
}

/**
 * What is wrong with a new password under the policy, as a sentence for the user, or undefined.
 * @example passwordProblem('alicealice12', 'alice') // 'The password must not contain the username.'
 */
export function passwordProblem(password: string, username: string): string | undefined {
  const normalized = normalizePassword(password);
  const characters = [...normalized];
  if (characters.length < PASSWORD_MIN_LENGTH)
    return `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`;
  if (characters.length > PASSWORD_MAX_LENGTH)
    return `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`;
  if (new Set(characters).size === 1) return 'The password must not repeat a single character.';
  const name = username.trim().toLowerCase();
  if (name !== '' && normalized.toLowerCase().includes(name))
    return 'The password must not contain the username.';
  return undefined;
}

function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

function isVerifiableHash(hashed: string): boolean {
  const options = parsedOptions(hashed);
  if (options === undefined) return false;
  const limits = PASSWORD_HASH_LIMITS;
  return (
    options.algorithm === ARGON2ID &&
    options.memoryCost <= limits.maxMemoryCost &&
    options.timeCost <= limits.maxTimeCost &&
    options.parallelism <= limits.maxParallelism &&
    options.outputLen >= limits.minOutputLen &&
    options.saltLen >= limits.minSaltLen
  );
}

function parsedOptions(hashed: string): ReturnType<typeof parseOptions> | undefined {
  try {
    return parseOptions(hashed);
  } catch {
    return undefined;
  }
}
