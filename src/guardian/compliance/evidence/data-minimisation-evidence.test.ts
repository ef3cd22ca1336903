import { describe, expect, it } from 'vitest';
import { dataMinimisationEvidence, type MinimisationFacts } from './data-minimisation-evidence.js';

const facts: MinimisationFacts = {
  truncate: false,
  ipv4Prefix: 24,
  ipv6Prefix: 48,
  samples: true,
  sampleRate: 0.07,
  sampleMax: 2000,
  sampleBodyBytes: 4096,
};

describe('dataMinimisationEvidence', () => {
  it('warns while addresses are stored whole, passes once they are cut', () => {
    expect(dataMinimisationEvidence(facts).status).toBe('warn');
    const cut = dataMinimisationEvidence({ ...facts, truncate: true });
    expect(cut.status).toBe('pass');
    expect(cut.finding).toContain('/24 and /48');
    expect(cut.details.find((d) => d.label === 'request sample')?.value).toMatch(/^7% /);
  });
});
