import type { DemoContext } from './demo-context.js';
import { sendJson } from './respond.js';

/** What /echo reports about a request as the app received it. */
export interface EchoReport {
  readonly method: string;
  readonly url: string;
  readonly httpVersion: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly remoteAddress: string | null;
  /** Bytes of body received, counted as they streamed past and never buffered. */
  readonly bodyLength: number;
}

/** /echo — answers JSON describing the request, so tests can see what a gateway forwarded. */
export function echoRequest({ req, res }: DemoContext): Promise<void> {
  return new Promise((resolve, reject) => {
    let bodyLength = 0;
    req.on('data', (chunk: Buffer) => {
      bodyLength += chunk.length;
    });
    req.once('error', reject);
    // A client that hangs up mid-body gets no answer; settling here keeps the promise from dangling.
    req.once('close', () => resolve());
    req.once('end', () => {
      const report: EchoReport = {
        method: req.method ?? '',
        url: req.url ?? '',
        httpVersion: req.httpVersion,
        headers: req.headers,
        remoteAddress: req.socket.remoteAddress ?? null,
        bodyLength,
      };
      sendJson(res, 200, report, { 'cache-control': 'no-store' });
      resolve();
    });
  });
}
