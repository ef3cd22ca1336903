#!/usr/bin/env node
// One autocannon run in a process of its own (so it shares no event loop with a server or the orchestrator).
// usage: node autocannon-runner.mjs '{"url":…,"connections":…,"durationS":…,"method":…,"headers":{…},"body":…}'
// Prints one JSON line: { requests, durationS, p50Us, p99Us, p999Us, meanUs, maxUs, non2xx, errors }.
// autocannon's own histogram keeps whole milliseconds; latencies are recorded here in microseconds instead.
import autocannon from 'autocannon';

const opts = JSON.parse(process.argv[2]);
let latencies = new Float64Array(1 << 16);
let count = 0;

const instance = autocannon({
  url: opts.url,
  connections: opts.connections,
  duration: opts.durationS,
  method: opts.method,
  headers: opts.headers,
  ...(opts.body ? { body: opts.body } : {}),
  timeout: 5,
});
instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
  if (count === latencies.length) {
    const grown = new Float64Array(latencies.length * 2);
    grown.set(latencies);
    latencies = grown;
  }
  latencies[count++] = responseTimeMs * 1000;
});
const result = await instance;
const sorted = latencies.subarray(0, count).sort();
const at = (p) =>
  count === 0 ? 0 : Math.round(sorted[Math.min(count - 1, Math.ceil((p / 100) * count) - 1)]);
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    durationS: result.duration,
    p50Us: at(50),
    p99Us: at(99),
    p999Us: at(99.9),
    meanUs: count === 0 ? 0 : Math.round(sorted.reduce((a, b) => a + b, 0) / count),
    maxUs: count === 0 ? 0 : Math.round(sorted[count - 1]),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  })}\n`,
);
