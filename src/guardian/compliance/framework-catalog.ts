import type { EvidenceId } from './evidence.js';

/** The frameworks a compliance report can be made for. */
export const FRAMEWORKS = ['soc2', 'iso27001', 'gdpr'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** One control of a framework and the evidence that supports it. */
export interface ControlSpec {
  /** As the framework numbers it: `CC6.1`, `A.8.15`, `Art. 32`. */
  readonly id: string;
  readonly title: string;
  /** What the control asks, in a sentence of our own. */
  readonly description: string;
  readonly evidence: readonly EvidenceId[];
}

/** A framework: its name, the edition the control ids follow, and its controls in the framework's order. */
export interface FrameworkCatalog {
  readonly id: Framework;
  readonly name: string;
  readonly edition: string;
  readonly controls: readonly ControlSpec[];
}

/** Whether a string names a framework. */
export function isFramework(value: string): value is Framework {
  return (FRAMEWORKS as readonly string[]).includes(value);
}
