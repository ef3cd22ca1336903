import type { RequestSample } from '../core/index.js';
import { listLimit } from './list-limit.js';
import { mentionsAddress, valueMentionsAddress } from './mentions-address.js';

// What every RequestSampleStore adapter applies the same way, so that they answer alike.

const DEFAULT_SAMPLES = 1000;
const MAX_SAMPLES = 100_000;

/** Samples per list: 1000 when not given, between 0 and 100,000 otherwise. */
export const sampleLimit = (limit: number | undefined): number =>
  listLimit(limit, DEFAULT_SAMPLES, MAX_SAMPLES);

/** The `max` of a trim, refused (RangeError) unless it is a count. */
export function checkTrimMax(component: string, max: number): number {
  if (!Number.isSafeInteger(max) || max < 0)
    throw new RangeError(`${component}: trim keeps a number of samples (0 or more), not ${max}`);
  return max;
}

/**
 * Whether a sample comes from `address` or mentions it as a whole address anywhere: a header, the target, the
 * host, or the body (decoded from base64; byte for byte, so that any text encoding of it is read).
 */
export function sampleMentionsAddress(sample: RequestSample, address: string): boolean {
  if (address === '') return false;
  if (sample.ip === address || valueMentionsAddress({ ...sample, body: null }, address)) return true;
  return (
    sample.body !== null && mentionsAddress(Buffer.from(sample.body, 'base64').toString('latin1'), address)
  );
}
