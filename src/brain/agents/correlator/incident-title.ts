import type { IncidentKind } from '../../../core/index.js';

/** What a title is made from. */
export interface TitleFacts {
  readonly kind: IncidentKind;
  readonly site: string;
  readonly clients: readonly string[];
  /** True when there were more clients than an incident keeps. */
  readonly moreClients: boolean;
  readonly categories: readonly string[];
  /** The payload family of a campaign. */
  readonly family: string | undefined;
}

function who(facts: TitleFacts): string {
  const n = facts.clients.length;
  if (n === 1) return facts.clients[0]!;
  return `${n.toLocaleString('en-US')}${facts.moreClients ? '+' : ''} addresses`;
}

/**
 * A one-line title: `Campaign of scanner from 50 addresses on shop`, `Credential stuffing from 203.0.113.9`.
 * @example incidentTitle({ kind: 'scan', site: 'shop', clients: ['192.0.2.1'], ... }) // 'Scan from 192.0.2.1'
 */
export function incidentTitle(facts: TitleFacts): string {
  switch (facts.kind) {
    case 'campaign':
      return `Campaign of ${facts.family ?? facts.categories.join(', ')} from ${who(facts)} on ${facts.site}`;
    case 'credential-stuffing':
      return `Credential stuffing from ${who(facts)}`;
    case 'scan':
      return `Scan from ${who(facts)}`;
    case 'canary':
      return `Decoy data used by ${who(facts)}`;
    case 'client':
      return `${facts.categories.filter((c) => c !== 'canary').join(', ') || 'Attacks'} from ${who(facts)}`;
  }
}
