import { useCallback, useState } from 'react';
import { eventStats } from '../api/events-api';
import { AsyncView } from '../components/async-view';
import { OverviewCharts } from '../components/overview-charts';
import { PageHeader } from '../components/page-header';
import { TIME_RANGES, type TimeRange, TimeRangePicker } from '../components/time-range-picker';
import { useApiData } from '../hooks/use-api-data';

// The charts follow the traffic by reading the aggregates again this often.
const REFRESH_MS = 5000;

/** Charts of the traffic over a chosen range: requests, blocks, challenges, attacks, clients, paths, latency. */
export function OverviewPage() {
  const [range, setRange] = useState<TimeRange>(TIME_RANGES[1]!);
  const load = useCallback(() => {
    const to = Date.now();
    return eventStats({ from: to - range.ms, to, bucket: range.bucket, top: 8 });
  }, [range]);
  const stats = useApiData(load, REFRESH_MS);

  return (
    <section>
      <PageHeader title="Overview">
        <TimeRangePicker value={range} onChange={setRange} />
      </PageHeader>
      <AsyncView source={stats}>{(data) => <OverviewCharts stats={data} range={range} />}</AsyncView>
    </section>
  );
}
