import { type Transform, unchanged } from '../transform.js';

/**
 * Lower-cases the value (Unicode-aware), for analyzers whose target language ignores case.
 * @example lowercase.apply('UnIoN SeLeCt').value // 'union select'
 */
export const lowercase: Transform = {
  name: 'lowercase',
  apply(input) {
    const value = input.toLowerCase();
    return value === input ? unchanged(input) : { value, changed: true };
  },
};
