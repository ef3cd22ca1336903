// Markdown tables of one section's results: throughput, single-connection latency, and the acceptance check.

/** The run in the middle when sorted by `key` (the lower middle for an even count). */
export function medianRun(runs, key) {
  const sorted = [...runs].sort((a, b) => a[key] - b[key]);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const ms = (us) => (us === undefined ? '-' : (us / 1000).toFixed(2));
const signedMs = (us) =>
  us === undefined ? '-' : `${us >= 0 ? '+' : '−'}${(Math.abs(us) / 1000).toFixed(2)}`;
const pct = (a, b) => (a === undefined || !b ? '-' : `${Math.round((100 * a) / b)}%`);
const int = (n) => (n === undefined ? '-' : String(Math.round(n)));

/** Other processes' share of the server CPU from which a cell gets a note (its figures are then suspect). */
const OTHER_LOAD_NOTE_PCT = 5;

/** What went wrong in a cell's runs: errors, and other processes competing for the server CPU. */
function notesOf(runs) {
  const notes = [];
  const non2xx = runs.reduce((n, r) => n + r.non2xx, 0);
  const errors = runs.reduce((n, r) => n + r.errors, 0);
  if (non2xx) notes.push(`non-2xx: ${non2xx}`);
  if (errors) notes.push(`socket errors: ${errors}`);
  const other = Math.max(...runs.map((r) => r.otherCpuPct ?? 0));
  const otherLg = Math.max(...runs.map((r) => r.otherLoadgenCpuPct ?? 0));
  if (Math.max(other, otherLg) >= OTHER_LOAD_NOTE_PCT)
    notes.push(
      `busy machine: other processes took ≤ ${Math.round(other)}% of the server CPU, ≤ ${Math.round(otherLg)}% of the load generator's`,
    );
  const repeated = runs.filter((r) => r.repeated).length;
  if (repeated) notes.push(`${repeated} of ${runs.length} runs repeated for other load`);
  return notes.join('; ');
}

/** Acceptance targets (DESIGN.md budget, tightened by the acceptance item): throughput ratio and added p99. */
export const TARGETS = Object.freeze({ minRpsRatio: 0.9, maxAddedP99Us: 1000 });

/** The figures the summary is built from, for one section and payload (undefined where a run was skipped). */
export function compare(section, payloadId) {
  const cell = (t) => section.results[t]?.[payloadId];
  const gw = cell('infinisec');
  const bare = cell('bare');
  const direct = cell('direct');
  const rpsRatio = gw && bare ? gw.median.rps / bare.median.rps : undefined;
  const cpu = (c) => c?.median.cpuUsPerRequest;
  const cpuRatio = cpu(gw) !== undefined && cpu(bare) ? cpu(gw) / cpu(bare) : undefined;
  const lat = (c) => c?.latency?.p99Us;
  const addedVsDirect =
    lat(gw) !== undefined && lat(direct) !== undefined ? lat(gw) - lat(direct) : undefined;
  const addedVsBare = lat(gw) !== undefined && lat(bare) !== undefined ? lat(gw) - lat(bare) : undefined;
  return { rpsRatio, cpuRatio, addedP99VsDirectUs: addedVsDirect, addedP99VsBareUs: addedVsBare };
}

/** The section as markdown: three tables. */
export function sectionMarkdown(section, payloads, opts) {
  const out = [];
  const row = (cells) => out.push(`| ${cells.join(' | ')} |`);
  out.push(`### ${section.title}`, '');
  out.push(
    `Throughput: ${opts.connections} connections, ${opts.reps} × ${opts.durationS} s after a ${opts.warmupS} s warm-up per cell; the median run (by req/s) is shown.`,
    '',
  );
  row([
    'setup',
    'payload',
    'req/s',
    'req/s range',
    'p50 ms',
    'p99 ms',
    'CPU µs/req',
    'req/s vs bare proxy',
    'notes',
  ]);
  row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---']);
  for (const t of section.targets) {
    for (const p of payloads) {
      const c = section.results[t.id]?.[p.id];
      if (!c) continue;
      const rps = c.runs.map((r) => r.rps);
      row([
        t.label,
        p.label,
        int(c.median.rps),
        `${int(Math.min(...rps))}–${int(Math.max(...rps))}`,
        ms(c.median.p50Us),
        ms(c.median.p99Us),
        c.median.cpuUsPerRequest === undefined ? '-' : c.median.cpuUsPerRequest.toFixed(1),
        pct(c.median.rps, section.results.bare?.[p.id]?.median.rps),
        notesOf(c.runs),
      ]);
    }
  }
  if (opts.latencyDurationS > 0) {
    out.push(
      '',
      `Latency through an idle server: 1 connection, ${opts.latencyReps} × ${opts.latencyDurationS} s per cell; the median run (by p99) is shown. "Added" is this setup's figure minus the direct upstream's (or the bare proxy's).`,
      '',
    );
    row([
      'setup',
      'payload',
      'req/s',
      'p50 ms',
      'p99 ms',
      'added p50 vs direct',
      'added p99 vs direct',
      'added p99 vs bare proxy',
      'notes',
    ]);
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---']);
    for (const t of section.targets) {
      for (const p of payloads) {
        const l = section.results[t.id]?.[p.id]?.latency;
        if (!l) continue;
        const direct = section.results.direct?.[p.id]?.latency;
        const bare = section.results.bare?.[p.id]?.latency;
        row([
          t.label,
          p.label,
          int(l.rps),
          ms(l.p50Us),
          ms(l.p99Us),
          t.id === 'direct' || !direct ? '-' : signedMs(l.p50Us - direct.p50Us),
          t.id === 'direct' || !direct ? '-' : signedMs(l.p99Us - direct.p99Us),
          t.id === 'direct' || t.id === 'bare' || !bare ? '-' : signedMs(l.p99Us - bare.p99Us),
          notesOf(section.results[t.id][p.id].latencyRuns),
        ]);
      }
    }
  }
  out.push(
    '',
    `infinisec against the bare Node proxy (targets: req/s ≥ ${TARGETS.minRpsRatio * 100}% for GET, added p99 ≤ ${TARGETS.maxAddedP99Us / 1000} ms):`,
    '',
  );
  row([
    'payload',
    'req/s ratio',
    'CPU/req ratio',
    'added p99 vs direct',
    'added p99 vs bare proxy',
    'target met',
  ]);
  row(['---', '---:', '---:', '---:', '---:', '---']);
  for (const p of payloads) {
    const c = compare(section, p.id);
    const checks = [];
    if (c.rpsRatio !== undefined && p.id === 'get') checks.push(c.rpsRatio >= TARGETS.minRpsRatio);
    for (const added of [c.addedP99VsDirectUs, c.addedP99VsBareUs])
      if (added !== undefined) checks.push(added <= TARGETS.maxAddedP99Us);
    const verdict = checks.length === 0 ? '-' : checks.every(Boolean) ? 'yes' : 'no';
    row([
      p.label,
      c.rpsRatio === undefined ? '-' : `${(100 * c.rpsRatio).toFixed(0)}%`,
      c.cpuRatio === undefined ? '-' : `${c.cpuRatio.toFixed(2)}×`,
      c.addedP99VsDirectUs === undefined ? '-' : `${signedMs(c.addedP99VsDirectUs)} ms`,
      c.addedP99VsBareUs === undefined ? '-' : `${signedMs(c.addedP99VsBareUs)} ms`,
      p.id === 'get' ? verdict : `${verdict} (p99 only; the req/s target is for GET)`,
    ]);
  }
  return out.join('\n');
}
