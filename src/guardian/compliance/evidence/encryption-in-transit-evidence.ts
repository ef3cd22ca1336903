import type { Evidence } from '../evidence.js';
import { detail } from '../evidence-text.js';

/** One connection infinisec accepts or makes, and whether it is encrypted. */
export interface LinkFacts {
  /** `public listener 0.0.0.0:8080`, `control listener 127.0.0.1:9090`, `PostgreSQL db.internal:5432`. */
  readonly name: string;
  /** `on`: TLS with certificates checked; `unverified`: TLS that accepts any certificate; `off`: clear text. */
  readonly tls: 'on' | 'unverified' | 'off';
  /** Bound to, or reaching, the loopback interface only. */
  readonly loopback: boolean;
}

const describe = (link: LinkFacts) =>
  link.tls === 'on'
    ? 'TLS'
    : link.tls === 'unverified'
      ? 'TLS without a certificate check'
      : link.loopback
        ? 'clear text on loopback only'
        : 'clear text';

const weak = (link: LinkFacts) => link.tls === 'unverified' || (link.tls === 'off' && !link.loopback);

/**
 * Encryption in transit: every listener and every connection to a store either uses TLS or stays on
 * loopback (pass); anything else is a warn, since TLS may be terminated by a proxy infinisec cannot see.
 */
export function encryptionInTransitEvidence(links: readonly LinkFacts[]): Evidence {
  const base = { id: 'encryption-in-transit', title: 'Encryption in transit' } as const;
  const details = links.map((link) => detail(link.name, describe(link)));
  const exposed = links.filter(weak);
  if (exposed.length > 0)
    return {
      ...base,
      status: 'warn',
      finding: `Not protected by TLS here: ${exposed.map((l) => `${l.name} (${describe(l)})`).join(', ')}; encryption depends on a proxy or network in front of it.`,
      details,
    };
  return {
    ...base,
    status: 'pass',
    finding: 'Every listener and store connection uses TLS or stays on loopback.',
    details,
  };
}
