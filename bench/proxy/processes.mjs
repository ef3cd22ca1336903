// Child processes of the benchmark: started pinned to CPUs, tracked, and always stopped, by their own pid
// (on success, on error, on SIGINT/SIGTERM, and as a last resort when this process exits).
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const running = new Set();
let aborted = false;

/** After this, no child starts any more (an interrupted run must not start the next server or load run). */
export function abortAll() {
  aborted = true;
}

function refuseWhenAborted(name) {
  if (aborted) throw new Error(`${name}: not started, the run was interrupted`);
}

/** How children are pinned: `taskset -c CPUS` when taskset exists and the CPUs do; else not at all, and why. */
export function pinning(serverCpus, loadgenCpus) {
  const cpus = availableParallelism();
  if (serverCpus === '' || loadgenCpus === '') return { enabled: false, note: 'pinning disabled' };
  if (spawnSync('taskset', ['-V']).error) return { enabled: false, note: 'taskset not found: not pinned' };
  const highest = Math.max(...`${serverCpus},${loadgenCpus}`.split(/[,-]/).map(Number));
  if (!(highest < cpus)) return { enabled: false, note: `only ${cpus} CPU(s): not pinned` };
  return {
    enabled: true,
    serverCpus,
    loadgenCpus,
    note: `servers on CPU ${serverCpus}, load generator on CPU ${loadgenCpus}`,
  };
}

/** The command line for `cmd args`, behind taskset when pinning. taskset execs, so the pid is cmd's own. */
export function pinned(cpus, cmd, args) {
  return cpus ? ['taskset', ['-c', cpus, cmd, ...args]] : [cmd, args];
}

/**
 * Starts a long-running child and resolves once a line of its stdout matches `ready` (with the match).
 * Its output is drained for good afterwards (a full pipe would stall it); the last lines are kept for errors.
 */
export async function startProcess({ name, cmd, args, cpus, ready, env, timeoutMs = 20_000 }) {
  refuseWhenAborted(name);
  const [file, argv] = pinned(cpus, cmd, args);
  const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const proc = { name, child, pid: child.pid, tail: [], exited: false };
  running.add(proc);
  const keep = (chunk) => {
    proc.tail.push(...chunk.toString().split('\n').filter(Boolean));
    proc.tail.splice(0, Math.max(0, proc.tail.length - 20));
  };
  child.stderr.on('data', keep);
  return new Promise((resolve, reject) => {
    let buffered = '';
    const fail = (why) => {
      clearTimeout(timer);
      reject(new Error(`${name}: ${why}\n  ${proc.tail.join('\n  ')}`));
    };
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk) => {
      keep(chunk);
      buffered += chunk.toString();
      const match = ready.exec(buffered);
      if (match) {
        clearTimeout(timer);
        buffered = '';
        child.stdout.off('data', onData);
        child.stdout.on('data', keep);
        proc.match = match;
        resolve(proc);
      }
    };
    child.stdout.on('data', onData);
    child.once('error', (err) => fail(err.message));
    child.once('exit', (code, signal) => {
      proc.exited = true;
      running.delete(proc);
      fail(`exited early (${signal ?? `code ${code}`})`);
    });
  });
}

/** Runs a child to completion, collecting its output; it is tracked meanwhile, so that stopAll() reaches it. */
export async function runToEnd({ cmd, args, cpus, env, input, onStderr }) {
  refuseWhenAborted(cmd);
  const [file, argv] = pinned(cpus, cmd, args);
  const child = spawn(file, argv, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const proc = { name: cmd, child, pid: child.pid, tail: [], exited: false };
  running.add(proc);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => {
    stderr += c;
    onStderr?.(c);
  });
  child.stdin.end(input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', (err) => {
      running.delete(proc);
      reject(err);
    });
    child.once('close', (code, signal) => {
      proc.exited = true;
      running.delete(proc);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Stops one child: SIGTERM, then SIGKILL after `graceMs`. */
export function stopProcess(proc, graceMs = 5000) {
  running.delete(proc);
  if (proc.exited || proc.child.exitCode !== null || proc.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
    proc.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    proc.child.kill('SIGTERM');
  });
}

/** Stops every child still running, all in parallel. */
export function stopAll() {
  return Promise.all([...running].map((proc) => stopProcess(proc)));
}

// Whatever happens, no child outlives this process.
process.on('exit', () => {
  for (const proc of running) if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
});
