import { BlockClient } from '../components/block-client';
import { ClientHistory } from '../components/client-history';
import { PageHeader } from '../components/page-header';

/** One client address: the decisions about it and its latest requests. */
export function ClientPage({ ip }: { readonly ip: string }) {
  return (
    <section>
      <PageHeader title={`Client ${ip}`} />
      <div className="card">
        <h2>Decisions</h2>
        <BlockClient ip={ip} reason="manual, from the dashboard" />
      </div>
      <div className="card">
        <h2>History</h2>
        <ClientHistory ip={ip} />
      </div>
    </section>
  );
}
