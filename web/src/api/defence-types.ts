import type { Action } from './event-types';

export type { Decision, Incident, IntruderSession } from '../../../src/core/index.js';

/** What a person may ask for in a new decision. */
export interface DecisionInput {
  readonly scope: 'ip' | 'cidr';
  readonly value: string;
  readonly action: Exclude<Action, 'log'>;
  readonly reason: string;
  readonly ttlSeconds?: number;
}

/** Formats of the lists a decision import reads. */
export const IMPORT_FORMATS = ['plain', 'fail2ban', 'crowdsec'] as const;

/** A list to import as decisions. */
export interface DecisionImportInput {
  readonly format: (typeof IMPORT_FORMATS)[number];
  readonly text: string;
  readonly action?: Exclude<Action, 'log'>;
  readonly ttlSeconds?: number;
  readonly reason?: string;
}

/** A scoped exclusion of the detection engine; every field given narrows it (`comment` only when adding). */
export interface Exclusion {
  readonly site?: string;
  readonly path?: string;
  readonly location?: string;
  readonly analyzer?: string;
  readonly rule?: string;
  readonly comment?: string;
}
