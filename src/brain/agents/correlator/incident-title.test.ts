import { describe, expect, it } from 'vitest';
import { incidentTitle, type TitleFacts } from './incident-title.js';

const facts = (over: Partial<TitleFacts>): TitleFacts => ({
  kind: 'client',
  site: 'shop',
  clients: ['192.0.2.1'],
  moreClients: false,
  categories: ['sqli'],
  family: undefined,
  ...over,
});

describe('incidentTitle', () => {
  it.each([
    [{}, 'sqli from 192.0.2.1'],
    [{ categories: ['canary'] }, 'Attacks from 192.0.2.1'],
    [{ kind: 'scan', clients: ['a', 'b', 'c'] }, 'Scan from 3 addresses'],
    [
      { kind: 'campaign', family: 'scanner', clients: Array(10_000).fill('x'), moreClients: true },
      'Campaign of scanner from 10,000+ addresses on shop',
    ],
    [{ kind: 'credential-stuffing' }, 'Credential stuffing from 192.0.2.1'],
    [{ kind: 'canary', clients: ['2001:db8::/64'] }, 'Decoy data used by 2001:db8::/64'],
  ] as [Partial<TitleFacts>, string][])('%o → %s', (over, title) => {
    expect(incidentTitle(facts(over))).toBe(title);
  });
});
