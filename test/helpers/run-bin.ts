import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { assertBuilt, childEnv, ROOT } from './gateway-process.js';

/** What a finished CLI run left behind. */
export interface BinRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bin/infinisec.js <args>` to its end (at most `timeoutMs`, then it is killed). */
export function runBin(args: readonly string[], cwd: string, timeoutMs = 15_000): Promise<BinRun> {
  assertBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'infinisec.js'), ...args], {
      cwd,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`infinisec ${args.join(' ')}: still running after ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
