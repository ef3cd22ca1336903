import type { FrameworkCatalog } from './framework-catalog.js';

/** GDPR: the articles on which infinisec's records and settings bear. */
export const GDPR_CATALOG: FrameworkCatalog = {
  id: 'gdpr',
  name: 'GDPR',
  edition: 'Regulation (EU) 2016/679',
  controls: [
    {
      id: 'Art. 5(1)(c)',
      title: 'Data minimisation',
      description: 'Only the personal data needed for the purpose is kept.',
      evidence: ['data-minimisation'],
    },
    {
      id: 'Art. 5(1)(e)',
      title: 'Storage limitation',
      description: 'Personal data is kept no longer than needed.',
      evidence: ['retention'],
    },
    {
      id: 'Art. 15, 20',
      title: 'Right of access and data portability',
      description: 'The data held about a person can be found and handed over in a usable form.',
      evidence: ['subject-rights'],
    },
    {
      id: 'Art. 17',
      title: 'Right to erasure',
      description: 'The data held about a person can be erased on request.',
      evidence: ['subject-rights'],
    },
    {
      id: 'Art. 25',
      title: 'Data protection by design and by default',
      description: 'Defaults limit what is collected, for how long, and who can see it.',
      evidence: ['data-minimisation', 'retention', 'access-roles'],
    },
    {
      id: 'Art. 30',
      title: 'Records of processing',
      description: 'What is done with personal data, and by whom, is recorded.',
      evidence: ['audit-chain', 'retention'],
    },
    {
      id: 'Art. 32',
      title: 'Security of processing',
      description: 'Access control, encryption, resilience and the ability to restore protect the data.',
      evidence: ['access-roles', 'mfa', 'encryption-at-rest', 'encryption-in-transit', 'backup'],
    },
    {
      id: 'Art. 33',
      title: 'Breach notification readiness',
      description: 'Breaches are detected and documented well enough to notify within 72 hours.',
      evidence: ['incidents', 'audit-chain', 'detection-mode'],
    },
  ],
};
