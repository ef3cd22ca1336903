import type { Evidence } from '../evidence.js';
import { detail } from '../evidence-text.js';

/** What is stored about clients. */
export interface MinimisationFacts {
  readonly truncate: boolean;
  readonly ipv4Prefix: number;
  readonly ipv6Prefix: number;
  readonly samples: boolean;
  readonly sampleRate: number;
  readonly sampleMax: number;
  readonly sampleBodyBytes: number;
}

/**
 * Data minimisation: client addresses cut to their network before they are stored pass; whole addresses are
 * a warn, to be justified (decisions always see whole addresses).
 */
export function dataMinimisationEvidence(facts: MinimisationFacts): Evidence {
  const base = { id: 'data-minimisation', title: 'Data minimisation' } as const;
  const details = [
    detail(
      'client addresses stored',
      facts.truncate
        ? `cut to /${facts.ipv4Prefix} (IPv4) and /${facts.ipv6Prefix} (IPv6) (privacy.truncateAddresses)`
        : 'whole (privacy.truncateAddresses off)',
    ),
    detail(
      'request sample',
      facts.samples
        ? `${Number((facts.sampleRate * 100).toPrecision(4))}% of allowed requests and every other, at most ${facts.sampleMax}, ${facts.sampleBodyBytes} body bytes each, redacted`
        : 'off',
    ),
    detail('finding evidence', 'short and redacted in every event'),
  ];
  return facts.truncate
    ? {
        ...base,
        status: 'pass',
        finding: `Client addresses are stored cut to /${facts.ipv4Prefix} and /${facts.ipv6Prefix}.`,
        details,
      }
    : {
        ...base,
        status: 'warn',
        finding:
          'Client addresses are stored whole; turn on privacy.truncateAddresses unless whole addresses are needed after the decision.',
        details,
      };
}
