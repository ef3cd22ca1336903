import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ComplianceReport,
  complianceFileName,
  renderComplianceHtml,
} from '../../guardian/compliance/index.js';
import { findChromium } from './find-chromium.js';
import { printPdf } from './print-pdf.js';

/** Which files to write. */
export const REPORT_FORMATS = ['html', 'pdf', 'both'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The files written, and why a PDF asked for is missing. */
export interface WrittenReport {
  readonly html?: string;
  readonly pdf?: string;
  /** Set when a PDF was asked for and not made: no Chromium, or Chromium failed. */
  readonly pdfMissing?: string;
}

// A report names accounts, keys and paths: readable by its owner only, like the database it describes.
function write(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/**
 * Writes `compliance-<framework>-<date>.html` and/or `.pdf` into `outDir` (made when missing). The PDF is
 * printed by headless Chromium; without one, the HTML is written instead and `pdfMissing` says why. Throws
 * the file system's error when `outDir` cannot be written.
 */
export async function writeComplianceReport(
  report: ComplianceReport,
  options: { outDir: string; format: ReportFormat; env: Readonly<Record<string, string | undefined>> },
): Promise<WrittenReport> {
  const { outDir, format, env } = options;
  mkdirSync(outDir, { recursive: true });
  const html = renderComplianceHtml(report);
  const htmlPath = join(outDir, complianceFileName(report.framework, report.generated, 'html'));
  if (format === 'html') {
    write(htmlPath, html);
    return { html: htmlPath };
  }
  const chromium = findChromium(env);
  let pdfMissing: string | undefined;
  const pdfPath = join(outDir, complianceFileName(report.framework, report.generated, 'pdf'));
  if ('path' in chromium) {
    const outcome = await printPdf(html, pdfPath, { chromium: chromium.path, env });
    if (!outcome.ok) pdfMissing = outcome.reason;
  } else pdfMissing = chromium.missing;
  // The HTML stands in for a PDF that could not be made.
  const withHtml = format === 'both' || pdfMissing !== undefined;
  if (withHtml) write(htmlPath, html);
  return {
    ...(withHtml ? { html: htmlPath } : {}),
    ...(pdfMissing === undefined ? { pdf: pdfPath } : { pdfMissing }),
  };
}
