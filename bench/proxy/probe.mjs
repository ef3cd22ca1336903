// One request with the benchmark's headers, to check a setup answers as expected before it is measured.
import http from 'node:http';
import { HEADERS } from './load.mjs';

/** Sends `payload` to `base` on a fresh connection; resolves with status, headers and body text. */
export function probe(base, payload, timeoutMs = 5000) {
  const url = new URL(payload.path, base);
  const headers = { ...HEADERS };
  if (payload.body) {
    headers['Content-Type'] = payload.contentType;
    headers['Content-Length'] = Buffer.byteLength(payload.body);
  }
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: payload.method, headers, agent: false, timeout: timeoutMs },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload.body);
  });
}
