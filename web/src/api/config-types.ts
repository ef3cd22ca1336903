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

/** A configuration that validated (and, for an apply, its new version). */
export interface ConfigAccepted {
  readonly ok: true;
  readonly version: number;
}
