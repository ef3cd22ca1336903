import { exportAudit } from '../api/audit-api';
import { AUDIT_EXPORT_FORMATS } from '../api/audit-types';
import { useAction } from '../hooks/use-action';
import { ErrorNotice } from './error-notice';

async function download(format: (typeof AUDIT_EXPORT_FORMATS)[number]): Promise<void> {
  const text = await exportAudit(format);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `infinisec-audit.${format}`;
  link.click();
  URL.revokeObjectURL(url);
}

/** Downloads the whole log as JSON Lines, CSV or CEF (for a SIEM). */
export function AuditExport() {
  const run = useAction(download);
  return (
    <div className="audit-export">
      {AUDIT_EXPORT_FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button-small"
          disabled={run.busy}
          onClick={() => run.run(format)}
        >
          Export {format.toUpperCase()}
        </button>
      ))}
      {run.error ? <ErrorNotice error={run.error} /> : null}
    </div>
  );
}
