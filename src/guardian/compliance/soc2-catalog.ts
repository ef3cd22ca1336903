import type { FrameworkCatalog } from './framework-catalog.js';

/** SOC 2: the Trust Services Criteria controls infinisec produces evidence for. */
export const SOC2_CATALOG: FrameworkCatalog = {
  id: 'soc2',
  name: 'SOC 2',
  edition: 'AICPA Trust Services Criteria (2017, points of focus revised 2022)',
  controls: [
    {
      id: 'CC6.1',
      title: 'Logical access security',
      description:
        'Access to the system is restricted to authenticated people and keys, with strong authentication and protected credentials.',
      evidence: ['mfa', 'access-roles', 'encryption-at-rest'],
    },
    {
      id: 'CC6.2',
      title: 'User registration and removal',
      description:
        'Accounts are created, changed and removed on purpose, and each of those acts is recorded.',
      evidence: ['access-roles', 'audit-chain'],
    },
    {
      id: 'CC6.3',
      title: 'Role-based access and least privilege',
      description:
        'Each account and key holds only the permissions of its role, narrowed further where it can be.',
      evidence: ['access-roles'],
    },
    {
      id: 'CC6.6',
      title: 'Boundary protection',
      description: 'Traffic from outside is inspected and attacks are stopped at the boundary.',
      evidence: ['detection-mode', 'encryption-in-transit'],
    },
    {
      id: 'CC6.7',
      title: 'Protection of data in transit and at rest',
      description: 'Data moving between components, and secrets kept on disk, are encrypted.',
      evidence: ['encryption-in-transit', 'encryption-at-rest'],
    },
    {
      id: 'CC7.2',
      title: 'Monitoring for anomalies',
      description:
        'Components are watched for attacks and misuse, and what happens is logged tamper-evidently.',
      evidence: ['detection-mode', 'incidents', 'audit-chain'],
    },
    {
      id: 'CC7.3',
      title: 'Evaluation of security events',
      description: 'Security events are grouped into incidents and judged by severity.',
      evidence: ['incidents'],
    },
    {
      id: 'CC7.4',
      title: 'Incident response',
      description: 'Incidents are contained and resolved, and the response leaves an audit trail.',
      evidence: ['incidents', 'audit-chain'],
    },
    {
      id: 'CC8.1',
      title: 'Change management',
      description: 'Changes to the configuration are authorised, versioned and recorded.',
      evidence: ['change-approvals', 'audit-chain'],
    },
    {
      id: 'A1.2',
      title: 'Backup and recovery',
      description: 'The data needed to recover is backed up regularly.',
      evidence: ['backup'],
    },
    {
      id: 'C1.2',
      title: 'Disposal of confidential information',
      description: 'Records are deleted once their retention period ends.',
      evidence: ['retention'],
    },
  ],
};
