import { compilePathTemplate } from '../../path/path-template.js';

/** Where decoy login forms post: a maze path that the account strategy takes for a login. */
export const LOGIN_TEMPLATE = compilePathTemplate('/account/login/{slug}');

const LOGIN_WORDS = /log-?in|sign-?in|logon|session|auth|wp-login/;

/** True when a (decoded, lowercased) target looks like a login endpoint. */
export function isLoginTarget(decoded: string): boolean {
  return LOGIN_WORDS.test(decoded);
}
