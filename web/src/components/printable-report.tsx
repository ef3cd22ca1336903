import type { Framework } from '../api/report-types';
import { getComplianceHtml } from '../api/reports-api';
import { useAction } from '../hooks/use-action';
import { ErrorNotice } from './error-notice';

// Long enough for the new tab to load the page; the URL is of no use after.
const URL_LIFETIME_MS = 60_000;

async function htmlUrl(framework: Framework): Promise<string> {
  const html = await getComplianceHtml(framework);
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
  return url;
}

function download(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
}

const fileName = (framework: Framework) =>
  `compliance-${framework}-${new Date().toISOString().slice(0, 10)}.html`;

/**
 * The report as a self-contained page to print or keep: fetched with the session's token (a plain link could
 * not send it), then opened in a new tab, or downloaded when the browser blocks the tab.
 */
async function openReport(framework: Framework): Promise<void> {
  const url = await htmlUrl(framework);
  const tab = window.open(url, '_blank');
  if (tab === null) download(url, fileName(framework));
  else tab.opener = null;
}

async function downloadReport(framework: Framework): Promise<void> {
  download(await htmlUrl(framework), fileName(framework));
}

/** Opens or downloads the printable report of a framework. */
export function PrintableReport({ framework }: { readonly framework: Framework }) {
  const open = useAction(openReport);
  const save = useAction(downloadReport);
  const error = open.error ?? save.error;
  return (
    <div className="audit-export">
      <button
        type="button"
        className="button-small"
        disabled={open.busy}
        onClick={() => {
          save.reset();
          void open.run(framework);
        }}
      >
        Open printable report
      </button>
      <button
        type="button"
        className="button-small"
        disabled={save.busy}
        onClick={() => {
          open.reset();
          void save.run(framework);
        }}
      >
        Download HTML
      </button>
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}
