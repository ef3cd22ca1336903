import type { FrameworkCatalog } from './framework-catalog.js';

/** ISO/IEC 27001:2022: the Annex A controls infinisec produces evidence for. */
export const ISO27001_CATALOG: FrameworkCatalog = {
  id: 'iso27001',
  name: 'ISO/IEC 27001',
  edition: 'ISO/IEC 27001:2022, Annex A',
  controls: [
    {
      id: 'A.5.15',
      title: 'Access control',
      description: 'Rules decide who may reach what, and are enforced through roles and authentication.',
      evidence: ['access-roles', 'mfa'],
    },
    {
      id: 'A.5.17',
      title: 'Authentication information',
      description: 'Passwords, second factors and keys are issued and kept so that they cannot be read back.',
      evidence: ['mfa', 'encryption-at-rest'],
    },
    {
      id: 'A.5.18',
      title: 'Access rights',
      description: 'Access rights are granted, reviewed and withdrawn, and each change is recorded.',
      evidence: ['access-roles', 'audit-chain'],
    },
    {
      id: 'A.5.24',
      title: 'Incident management planning and preparation',
      description: 'There is a way to detect, record and follow up security incidents.',
      evidence: ['incidents', 'audit-chain'],
    },
    {
      id: 'A.5.25',
      title: 'Assessment of and decision on security events',
      description: 'Security events are assessed and grouped into incidents with a severity.',
      evidence: ['incidents', 'detection-mode'],
    },
    {
      id: 'A.5.26',
      title: 'Response to information security incidents',
      description: 'Incidents are contained and resolved.',
      evidence: ['incidents'],
    },
    {
      id: 'A.8.5',
      title: 'Secure authentication',
      description:
        'Sign-in uses strong authentication, a second factor in particular for privileged accounts.',
      evidence: ['mfa'],
    },
    {
      id: 'A.8.10',
      title: 'Information deletion',
      description: 'Information is deleted when it is no longer needed.',
      evidence: ['retention'],
    },
    {
      id: 'A.8.11',
      title: 'Data masking',
      description: 'Personal data is stored reduced where the whole value is not needed.',
      evidence: ['data-minimisation'],
    },
    {
      id: 'A.8.13',
      title: 'Information backup',
      description: 'Backups are made regularly.',
      evidence: ['backup'],
    },
    {
      id: 'A.8.15',
      title: 'Logging',
      description: 'Activities are logged, and the logs are protected against tampering.',
      evidence: ['audit-chain'],
    },
    {
      id: 'A.8.16',
      title: 'Monitoring activities',
      description: 'Traffic is monitored for anomalous behaviour and acted on.',
      evidence: ['detection-mode', 'incidents'],
    },
    {
      id: 'A.8.24',
      title: 'Use of cryptography',
      description: 'Cryptography protects secrets at rest and data in transit.',
      evidence: ['encryption-at-rest', 'encryption-in-transit'],
    },
    {
      id: 'A.8.32',
      title: 'Change management',
      description: 'Changes are controlled, approved where it matters, and recorded.',
      evidence: ['change-approvals', 'audit-chain'],
    },
  ],
};
