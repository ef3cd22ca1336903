import { readFileSync } from 'node:fs';

/** Resident memory of a process, in bytes, from /proc/<pid>/status (Linux). */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/** Samples a process's resident memory on an interval; `stop` returns the highest value seen. */
export function sampleResident(pid: number, everyMs = 20): { stop(): { peak: number; samples: number } } {
  let peak = residentBytes(pid);
  let samples = 1;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, residentBytes(pid));
      samples++;
    } catch {
      // The process is gone: the test that owns it will say so.
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, residentBytes(pid));
      return { peak, samples: samples + 1 };
    },
  };
}
