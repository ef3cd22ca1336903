import { verifyAudit } from '../api/audit-api';
import { Allowed } from '../components/allowed';
import { AsyncView } from '../components/async-view';
import { AuditExport } from '../components/audit-export';
import { AuditLog } from '../components/audit-log';
import { ChainStatus } from '../components/chain-status';
import { PageHeader } from '../components/page-header';
import { useApiData } from '../hooks/use-api-data';

// The log opens on its newest page.
const PAGE = 100;

/** The audit trail: whether its hash chain holds, its entries, and its export. */
export function AuditPage() {
  const verification = useApiData(verifyAudit);
  return (
    <section>
      <PageHeader title="Audit">
        <Allowed permission="audit:export">
          <AuditExport />
        </Allowed>
      </PageHeader>
      <AsyncView source={verification}>
        {(v) => (
          <>
            <ChainStatus verification={v} onVerify={verification.reload} busy={verification.loading} />
            <AuditLog startAfterSeq={Math.max(0, v.entries + 1 - PAGE)} />
          </>
        )}
      </AsyncView>
    </section>
  );
}
