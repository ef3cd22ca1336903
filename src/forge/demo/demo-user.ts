/** The one account of the demo shop; fake credentials, printed on the login page on purpose. */
export const DEMO_USER = Object.freeze({ username: 'demo', password: 'demo' });

/** True when the pair matches the demo account. */
export function isDemoUser(username: string, password: string): boolean {
  // A plain comparison is fine: the password is public, so timing reveals nothing.
  return username === DEMO_USER.username && password === DEMO_USER.password;
}
