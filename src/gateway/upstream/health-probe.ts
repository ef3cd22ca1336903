import { Client } from 'undici';
import type { HealthCheckOptions } from './health-checker.js';

/** A probe with a connection of its own, so that a target busy with requests is still probed at once. */
export interface HttpProbe {
  /** Sends one GET of the check path; resolves to whether a 2xx or 3xx came back within the timeout. */
  probe(): Promise<boolean>;
  close(): void;
}

/** Creates the HTTP probe of one target origin. */
export function createHttpProbe(origin: string, options: HealthCheckOptions): HttpProbe {
  const client = new Client(origin, {
    connect: { timeout: options.timeoutMs },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    pipelining: 1,
  });
  return {
    async probe() {
      const res = await client.request({
        method: 'GET',
        path: options.path,
        headers: { 'user-agent': 'infinisec-health-check' },
        // A fresh connection per probe: an idle one kept between probes could be closed by the target just
        // as a probe goes out, and fail it for nothing.
        reset: true,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await res.body.dump();
      return res.statusCode >= 200 && res.statusCode < 400;
    },
    close() {
      void client.destroy().catch(() => {});
    },
  };
}
