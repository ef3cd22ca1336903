import { type ImportCollector, printable } from './import-collector.js';
import type { ImportDefaults } from './imported-decision.js';
import { parseGoDuration } from './parse-go-duration.js';

/** The parts of a CrowdSec decision an import needs, read from either JSON or raw CSV output. */
export interface CrowdsecDecisionFields {
  /** Where the decision was read, for problem lines: `decision 5` or `line 3`. */
  readonly where: string;
  /** `Ip`, `Range` or another CrowdSec scope; undefined when the source did not say. */
  readonly scope: string | undefined;
  readonly value: string;
  readonly type: string;
  /** A Go duration of the time left, such as `3h59m50.1s`; undefined when absent. */
  readonly duration: string | undefined;
  readonly simulated: boolean;
  readonly scenario: string | undefined;
}

/** Turns one CrowdSec decision into a ban, or a problem line saying why it was skipped. */
export function addCrowdsecDecision(
  fields: CrowdsecDecisionFields,
  defaults: ImportDefaults,
  collector: ImportCollector,
): boolean {
  const { where, scope } = fields;
  if (scope !== undefined && !/^(?:ip|range)$/i.test(scope)) {
    return collector.skip(where, `scope ${printable(scope)} skipped`);
  }
  if (fields.type.toLowerCase() !== 'ban')
    return collector.skip(where, `type ${printable(fields.type)} skipped`);
  // CrowdSec itself does not enforce simulated decisions, so importing them would ban more than it does.
  if (fields.simulated) return collector.skip(where, 'simulated decision skipped');
  let durationMs = defaults.durationMs;
  if (fields.duration !== undefined && fields.duration !== '') {
    const parsed = parseGoDuration(fields.duration);
    if (parsed === undefined) return collector.skip(where, `not a duration: ${printable(fields.duration)}`);
    if (parsed <= 0) return collector.skip(where, `already expired (${printable(fields.duration)}), skipped`);
    durationMs = parsed;
  }
  const reason =
    fields.scenario === undefined || fields.scenario === ''
      ? defaults.reason
      : `crowdsec/${printable(fields.scenario, 200)}`;
  return collector.add(where, fields.value.trim(), durationMs, reason);
}
