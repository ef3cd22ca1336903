import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Whether a PDF was made, and if not, why. */
export type PdfOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** How to run Chromium. */
export interface PrintOptions {
  readonly chromium: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Longest a print may take before Chromium is stopped (60 s). */
  readonly timeoutMs?: number;
}

// Headless, no first-run work, nothing fetched in the background; the profile is thrown away after. No
// sandbox, so that it runs as root in a container: the page is our own, with no script, and its content
// security policy lets nothing load.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-pdf-header-footer',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-extensions',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-background-networking',
  '--disable-component-update',
];

// What Chromium said last, for a failure: its stderr is mostly noise (D-Bus), the end is what matters.
const TAIL_BYTES = 600;

function run(chromium: string, args: string[], env: PrintOptions['env'], timeoutMs: number) {
  return new Promise<{ code: number | null; timedOut: boolean; stderr: string }>((resolve) => {
    // Its own process group: the `chromium` launcher is often a script, and a stop must reach its children.
    const child = spawn(chromium, args, { env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-TAIL_BYTES);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: null, timedOut, stderr: err.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, stderr });
    });
  });
}

/**
 * Prints an HTML page to a PDF file with headless Chromium, from a private temporary folder that is removed
 * after; `pdfPath` is written only once Chromium has made a whole PDF.
 * @example const outcome = await printPdf(html, 'report.pdf', { chromium: '/usr/bin/chromium', env: process.env });
 */
export async function printPdf(html: string, pdfPath: string, options: PrintOptions): Promise<PdfOutcome> {
  const dir = mkdtempSync(join(tmpdir(), 'infinisec-report-'));
  try {
    const page = join(dir, 'report.html');
    const printed = join(dir, 'report.pdf');
    writeFileSync(page, html, { mode: 0o600 });
    const args = [
      ...FLAGS,
      `--user-data-dir=${join(dir, 'profile')}`,
      `--print-to-pdf=${printed}`,
      pathToFileURL(page).href,
    ];
    const result = await run(options.chromium, args, options.env, options.timeoutMs ?? 60_000);
    if (result.timedOut)
      return {
        ok: false,
        reason: `${options.chromium} did not finish within ${options.timeoutMs ?? 60_000} ms`,
      };
    let head = '';
    try {
      head = readFileSync(printed).subarray(0, 5).toString('latin1');
    } catch {}
    if (head !== '%PDF-') {
      const said = result.stderr.trim().split('\n').at(-1) ?? '';
      return {
        ok: false,
        reason: `${options.chromium} made no PDF (exit status ${result.code})${said ? `: ${said}` : ''}`,
      };
    }
    try {
      copyFileSync(printed, pdfPath);
      chmodSync(pdfPath, 0o600); // like the HTML: it names accounts, keys and paths
    } catch (err) {
      return { ok: false, reason: `${pdfPath}: ${(err as Error).message}` };
    }
    return { ok: true };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
