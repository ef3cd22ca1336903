import { type Transform, unchanged } from '../transform.js';

/**
 * `+` as a space, as form encoding (`application/x-www-form-urlencoded`, query strings) means it; applied
 * before `url-decode` so an encoded `%2B` stays a plus.
 */
export const plusSpace: Transform = {
  name: 'plus-space',
  apply(input) {
    return input.includes('+') ? { value: input.replaceAll('+', ' '), changed: true } : unchanged(input);
  },
};
