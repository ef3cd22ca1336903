import { type Action, type Finding, isPassThrough, type SecurityEvent } from '../../core/index.js';
import { describeLocation } from './describe-location.js';
import { findingTemplate } from './finding-templates.js';

const ANSWERED: Readonly<Record<Action, string>> = {
  allow: 'let the request through',
  log: 'let the request through and logged it (detect-only)',
  ratelimit: 'rate limited the client',
  challenge: 'sent the client a challenge',
  labyrinth: 'led the client into the labyrinth of decoy pages',
  tarpit: 'held the connection in the tarpit',
  block: 'blocked the request',
};

/**
 * A finding explained from its analyzer's template: what was found, where, how sure, why it matters, how the
 * gateway answered and what to check when the request got through.
 */
export function explainByRules(finding: Finding, event: SecurityEvent): string {
  const template = findingTemplate(finding.analyzer);
  const evidence = finding.evidence.length > 80 ? `${finding.evidence.slice(0, 80)}…` : finding.evidence;
  const transforms = finding.transforms.length > 0 ? ` (seen after ${finding.transforms.join(', ')})` : '';
  const { verdict, request } = event;
  const parts = [
    `The ${finding.analyzer} analyzer (rule ${finding.rule}) found ${template.what} in ` +
      `${describeLocation(finding.location)} of a ${request.method} request to ${request.path} from ` +
      `${event.client.ip}, ${Math.round(finding.confidence * 100)}% sure.`,
    `Evidence: "${evidence}"${transforms}.`,
    `Why it matters: ${template.why}.`,
    `The gateway ${ANSWERED[verdict.action]} (${verdict.reason}, score ${verdict.score}).`,
  ];
  if (isPassThrough(verdict.action))
    parts.push(`The request reached the application: check that ${request.path} is not vulnerable to it.`);
  return parts.join(' ');
}
