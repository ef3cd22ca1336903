import { readFileSync } from 'node:fs';

/** The page answered when no target can answer; `upstream.fallback` in the configuration. */
export interface FallbackOptions {
  readonly status: number;
  readonly html?: string | undefined;
  readonly file?: string | undefined;
}

/** A fallback page ready to send. */
export interface FallbackPage {
  readonly status: number;
  readonly body: Buffer;
}

/**
 * Reads the fallback page once, at compile time. Throws TypeError when its file cannot be read, so that a
 * configuration naming a missing page is refused whole.
 * @example compileFallbackPage({ status: 503, html: '<h1>Back soon</h1>' })
 */
export function compileFallbackPage(options: FallbackOptions | undefined): FallbackPage | undefined {
  if (options === undefined) return undefined;
  if (options.file === undefined) return { status: options.status, body: Buffer.from(options.html ?? '') };
  try {
    return { status: options.status, body: readFileSync(options.file) };
  } catch (err) {
    throw new TypeError(
      `upstream.fallback.file: cannot read ${options.file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
      { cause: err },
    );
  }
}
