import { addCrowdsecDecision } from './add-crowdsec-decision.js';
import { type ImportCollector, printable } from './import-collector.js';
import type { ImportDefaults } from './imported-decision.js';

type JsonObject = Readonly<Record<string, unknown>>;

/**
 * Reads `cscli decisions list -o json`: an array of alerts each holding `decisions`, or an array of
 * decisions directly; `null` is CrowdSec's way of saying there are none.
 */
export function parseCrowdsecJson(text: string, defaults: ImportDefaults, collector: ImportCollector): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    collector.problem(`not valid JSON: ${printable(error instanceof Error ? error.message : String(error))}`);
    return;
  }
  if (data === null) return;
  const items: readonly unknown[] = Array.isArray(data) ? data : [data];
  let counted = 0;
  for (const [index, item] of items.entries()) {
    if (!isObject(item)) {
      if (!collector.skip(`item ${index + 1}`, 'not an alert or decision object')) return;
      continue;
    }
    const decisions = 'decisions' in item ? (item.decisions ?? []) : [item];
    if (!Array.isArray(decisions)) {
      if (!collector.skip(`item ${index + 1}`, "'decisions' is not an array")) return;
      continue;
    }
    for (const decision of decisions) {
      const where = `decision ${++counted}`;
      const keepGoing = isObject(decision)
        ? addJsonDecision(where, decision, item, defaults, collector)
        : collector.skip(where, 'not an object');
      if (!keepGoing) return;
    }
  }
}

function addJsonDecision(
  where: string,
  decision: JsonObject,
  alert: JsonObject,
  defaults: ImportDefaults,
  collector: ImportCollector,
): boolean {
  const value = text(decision.value);
  if (value === undefined) return collector.skip(where, 'no value');
  return addCrowdsecDecision(
    {
      where,
      scope: text(decision.scope),
      value,
      type: text(decision.type) ?? '(none)',
      duration: text(decision.duration),
      simulated: decision.simulated === true,
      scenario: text(decision.scenario) ?? text(alert.scenario),
    },
    defaults,
    collector,
  );
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
