/** How canaries are keyed and what their e-mail and internal-URL decoys point at. */
export interface CanaryOptions {
  /** Key material (at least 16 characters): canaries minted under another secret do not verify. */
  readonly secret: string;
  /** The domain of decoy e-mail addresses; set it to the protected site's own domain for plausibility. */
  readonly emailDomain?: string;
  /** The host of decoy internal URLs (a hostname or IPv4 address, lower case). */
  readonly internalHost?: string;
}

/**
 * A subdomain of IANA's reserved `example.com`: a decoy address can never be a real company's mailbox, even
 * when an intruder writes to it.
 */
export const DEFAULT_EMAIL_DOMAIN = 'corp.example.com';

/** `.corp` is withheld from delegation by ICANN, so this host never resolves on the public internet. */
export const DEFAULT_INTERNAL_HOST = 'git.internal.corp';

const MIN_SECRET = 16;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function isHostname(value: unknown, minLabels: number): value is string {
  if (typeof value !== 'string' || value.length > 253) return false;
  const labels = value.split('.');
  return labels.length >= minLabels && labels.every((label) => LABEL.test(label));
}

/** The options with their defaults, frozen; throws a TypeError listing every problem. */
export function readCanaryOptions(options: CanaryOptions): Required<CanaryOptions> {
  const { secret, emailDomain = DEFAULT_EMAIL_DOMAIN, internalHost = DEFAULT_INTERNAL_HOST } = options;
  const problems: string[] = [];
  if (typeof secret !== 'string' || secret.length < MIN_SECRET)
    problems.push(`secret must be a string of at least ${MIN_SECRET} characters`);
  if (!isHostname(emailDomain, 2))
    problems.push('emailDomain must be a lower-case domain name such as a.com');
  if (!isHostname(internalHost, 1))
    problems.push('internalHost must be a lower-case hostname or IPv4 address');
  if (problems.length > 0) throw new TypeError(`labyrinth.canary: ${problems.join('; ')}`);
  return Object.freeze({ secret, emailDomain, internalHost });
}
