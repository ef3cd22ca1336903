/** A page an actor got back. */
export interface PageSeen {
  readonly path: string;
  readonly body: string;
}

/** A secret an intruder would try to use: a key for an API, or an account name for a login form. */
export interface LeakedSecret {
  readonly kind: 'key' | 'email';
  readonly value: string;
  /** The path of the page it was found on. */
  readonly page: string;
}

// What secret scanners (and intruders' scripts) look for: cloud, code-hosting and payment keys, API keys.
const KEY =
  /(?<![A-Za-z0-9_-])(?:AKIA[A-Z2-7]{16}|ghp_[A-Za-z0-9]{36}|sk_live_[A-Za-z0-9]{24}|key-[0-9a-f]{32})(?![A-Za-z0-9])/;
// The committer of an exposed `.git/config`: an account worth trying on the login form.
const GIT_EMAIL = /^\s*email\s*=\s*([^\s@]+@[^\s@]+)\s*$/m;

/**
 * The first secret worth trying in what a scanner collected: a key if any page shows one, else the e-mail
 * address of an exposed `.git/config`.
 * @example findLeakedSecret([{ path: '/.git/config', body: '[user]\n\temail = ops@corp.example\n' }])
 */
export function findLeakedSecret(pages: readonly PageSeen[]): LeakedSecret | undefined {
  for (const { path, body } of pages) {
    const key = KEY.exec(body);
    if (key !== null) return { kind: 'key', value: key[0], page: path };
  }
  for (const { path, body } of pages) {
    const email = GIT_EMAIL.exec(body);
    if (email !== null) return { kind: 'email', value: email[1]!, page: path };
  }
  return undefined;
}
