import type { ChangeView } from './change-types';

/** The running configuration. */
export interface RunningConfig {
  readonly version: number;
  /** YAML, secrets redacted. */
  readonly source: string;
}

/** One applied configuration. */
export interface ConfigVersion {
  readonly version: number;
  readonly time: number;
  readonly author: string;
  readonly digest: string;
  readonly comment: string;
  /** Only when one version is read. */
  readonly source?: string;
}

/** A configuration that validated. */
export interface ConfigValid {
  readonly ok: true;
}

/**
 * What an apply answers: the new version when it applied (with its change request when approvals are on), or
 * the change request waiting for approval.
 */
export type ConfigApplied =
  | { readonly ok: true; readonly pending?: false; readonly version: number; readonly change?: ChangeView }
  | { readonly ok: true; readonly pending: true; readonly change: ChangeView };

/** What changed from one version to another, as a unified diff with secrets redacted. */
export interface ConfigDiff {
  /** The version compared against; null when there is none before. */
  readonly from: number | null;
  readonly to: number;
  readonly diff: string;
}
