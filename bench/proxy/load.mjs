// The load: what is sent (headers, payloads) and the generators that send it (wrk, else autocannon).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runToEnd } from './processes.mjs';

/** Browser-like headers: without them OWASP CRS scores every request (numeric Host, no User-Agent/Accept). */
export const HEADERS = Object.freeze({
  Host: 'localhost',
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) bench/1.0',
  Accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
  'Accept-Language': 'en-US,en;q=0.5',
});

/** A benign 4096-byte contact form (the one ../shared/bench/peers/perf.sh sends; it matches no CRS rule). */
export function formBody4k() {
  const words =
    'lorem ipsum dolor sit amet consectetur adipiscing elit sed eiusmod tempor incididunt labore dolore magna aliqua enim minim veniam quis nostrud exercitation ullamco laboris nisi aliquip commodo consequat'.split(
      ' ',
    );
  let s =
    'name=Jane+Doe&email=jane.doe%40example.com&phone=555-0100&subject=Question+about+my+order&message=';
  for (let i = 0; s.length < 4096; i++) s += (s.endsWith('=') ? '' : '+') + words[i % words.length];
  s = s.slice(0, 4096);
  return s.endsWith('+') ? `${s.slice(0, -1)}x` : s;
}

/** The two payloads: GET / (the demo's home page) and a 4 KB urlencoded POST to /echo (streamed, counted). */
export const PAYLOADS = Object.freeze([
  { id: 'get', label: 'GET /', method: 'GET', path: '/' },
  {
    id: 'post4k',
    label: 'POST /echo 4 KB form',
    method: 'POST',
    path: '/echo',
    contentType: 'application/x-www-form-urlencoded',
    body: formBody4k(),
  },
]);

/** Which generator to use: `wrk` when on PATH (or asked for), else autocannon. */
export function chooseTool(wanted) {
  const hasWrk = !spawnSync('wrk', ['--version']).error;
  if (wanted === 'wrk' && !hasWrk) throw new Error('--loadgen wrk: wrk is not on PATH (apt-get install wrk)');
  if (wanted === 'autocannon' || !hasWrk) return { name: 'autocannon', version: 'autocannon 8, 1 process' };
  const banner = spawnSync('wrk', ['--version']).stdout.toString().split('\n')[0] ?? 'wrk';
  return { name: 'wrk', version: `${banner.split(' ').slice(0, 2).join(' ')}, 1 thread` };
}

const WRK_SCRIPT = `-- written by bench/proxy/load.mjs
${Object.entries(HEADERS)
  .map(([k, v]) => `wrk.headers["${k}"] = "${v}"`)
  .join('\n')}
wrk.method = os.getenv("BENCH_METHOD") or "GET"
local body_file = os.getenv("BENCH_BODY_FILE")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = os.getenv("BENCH_CONTENT_TYPE")
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d p999_us=%d mean_us=%d max_us=%d non2xx=%d errors=%d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency:percentile(99.9),
    latency.mean, latency.max, e.status, e.connect + e.read + e.write + e.timeout))
end
`;

/** Writes what wrk needs (its Lua script, the body files) into `dir`. */
export function prepareWrk(dir) {
  writeFileSync(join(dir, 'bench.lua'), WRK_SCRIPT);
  for (const p of PAYLOADS) if (p.body) writeFileSync(join(dir, `${p.id}.body`), p.body);
}

async function runWrk({ url, payload, connections, durationS, cpus, dir }) {
  const args = [
    '-t1',
    `-c${connections}`,
    `-d${Math.max(1, Math.round(durationS))}s`,
    '--latency',
    '--timeout',
    '5s',
  ];
  args.push('-s', join(dir, 'bench.lua'), url + payload.path);
  const env = {
    BENCH_METHOD: payload.method,
    BENCH_BODY_FILE: payload.body ? join(dir, `${payload.id}.body`) : '',
    BENCH_CONTENT_TYPE: payload.contentType ?? '',
  };
  const { code, stdout, stderr } = await runToEnd({ cmd: 'wrk', args, cpus, env });
  const line = /^RESULT (.*)$/m.exec(stdout);
  if (code !== 0 || !line)
    throw new Error(`wrk failed (code ${code}): ${(stderr || stdout).trim().slice(-500)}`);
  const r = Object.fromEntries(line[1].split(' ').map((kv) => [kv.split('=')[0], Number(kv.split('=')[1])]));
  return {
    requests: r.requests,
    durationS: r.duration_us / 1e6,
    p50Us: r.p50_us,
    p99Us: r.p99_us,
    p999Us: r.p999_us,
    meanUs: r.mean_us,
    maxUs: r.max_us,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

const RUNNER = fileURLToPath(new URL('./autocannon-runner.mjs', import.meta.url));

async function runAutocannon({ url, payload, connections, durationS, cpus }) {
  const headers = { ...HEADERS, ...(payload.contentType ? { 'Content-Type': payload.contentType } : {}) };
  const opts = {
    url: url + payload.path,
    connections,
    durationS,
    method: payload.method,
    headers,
    body: payload.body,
  };
  const { code, stdout, stderr } = await runToEnd({
    cmd: process.execPath,
    args: [RUNNER, JSON.stringify(opts)],
    cpus,
  });
  if (code !== 0) throw new Error(`autocannon failed (code ${code}): ${stderr.trim().slice(-500)}`);
  return JSON.parse(stdout.trim().split('\n').at(-1));
}

/**
 * One run of the load against `url`: `connections` keep-alive connections for `durationS` seconds.
 * @returns {Promise<{requests, durationS, rps, p50Us, p99Us, p999Us, meanUs, maxUs, non2xx, errors}>}
 */
export async function runLoad(tool, options) {
  const r = tool.name === 'wrk' ? await runWrk(options) : await runAutocannon(options);
  return { ...r, rps: r.durationS > 0 ? r.requests / r.durationS : 0 };
}
