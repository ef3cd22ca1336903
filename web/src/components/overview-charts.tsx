import type { EventStats } from '../api/event-types';
import { formatMs } from '../format/format-ms';
import { href } from '../router/hash-route';
import { BarList } from './bar-list';
import { RankingCard } from './ranking-card';
import { StatCard } from './stat-card';
import type { TimeRange } from './time-range-picker';
import { TimeSeriesChart } from './time-series-chart';

// Actions drawn in the colours of the traffic chart's series.
const ACTION_TONES: Readonly<Record<string, string>> = {
  block: 'blocked',
  challenge: 'challenged',
  ratelimit: 'slowed',
  labyrinth: 'slowed',
  tarpit: 'slowed',
};

const sum = (stats: EventStats, key: 'blocked' | 'challenged' | 'attacks' | 'slowed') =>
  stats.buckets.reduce((total, bucket) => total + bucket[key], 0);

/** The overview's numbers, charts and rankings for one range. */
export function OverviewCharts({ stats, range }: { readonly stats: EventStats; readonly range: TimeRange }) {
  const times = stats.buckets.map((b) => b.time);
  return (
    <div className="overview">
      <div className="stat-grid">
        <StatCard label="Requests" value={stats.total} />
        <StatCard label="Blocked" value={sum(stats, 'blocked')} tone="danger" />
        <StatCard label="Challenged" value={sum(stats, 'challenged')} tone="warning" />
        <StatCard label="Attacks" value={sum(stats, 'attacks')} tone="danger" />
        <StatCard label="Latency p95" value={formatMs(stats.latency.p95)} tone="info" />
      </div>
      <div className="card card-wide">
        <h2>Traffic, last {range.label}</h2>
        <TimeSeriesChart
          label={`Requests, blocked and challenged over the last ${range.label}`}
          times={times}
          series={[
            { name: 'requests', tone: 'requests', values: stats.buckets.map((b) => b.requests) },
            { name: 'blocked', tone: 'blocked', values: stats.buckets.map((b) => b.blocked) },
            { name: 'challenged', tone: 'challenged', values: stats.buckets.map((b) => b.challenged) },
            { name: 'slowed', tone: 'slowed', values: stats.buckets.map((b) => b.slowed) },
          ]}
        />
      </div>
      <div className="card">
        <h2>Attacks</h2>
        <TimeSeriesChart
          label={`Attacks over the last ${range.label}`}
          times={times}
          series={[{ name: 'attacks', tone: 'attacks', values: stats.buckets.map((b) => b.attacks) }]}
        />
      </div>
      <RankingCard title="Attacks by category" empty="No attacks in this range.">
        {stats.categories.length > 0 ? (
          <BarList
            label="Attacks by category"
            tone="attacks"
            bars={stats.categories.map((c) => ({ key: c.category, label: c.category, value: c.count }))}
          />
        ) : null}
      </RankingCard>
      <RankingCard title="Top clients" empty="No requests in this range.">
        {stats.topClients.length > 0 ? (
          <BarList
            label="Top clients"
            tone="requests"
            bars={stats.topClients.map((c) => ({
              key: c.ip,
              label: <a href={href('clients', c.ip)}>{c.ip}</a>,
              value: c.count,
              part: c.attacks,
              note: c.attacks > 0 ? `(${c.attacks} attacks)` : undefined,
            }))}
          />
        ) : null}
      </RankingCard>
      <RankingCard title="Top paths" empty="No requests in this range.">
        {stats.topPaths.length > 0 ? (
          <BarList
            label="Top paths"
            tone="requests"
            bars={stats.topPaths.map((p) => ({
              key: p.path,
              label: <span className="mono">{p.path}</span>,
              value: p.count,
            }))}
          />
        ) : null}
      </RankingCard>
      <RankingCard title="Actions" empty="No requests in this range.">
        {stats.actions.length > 0 ? (
          <BarList
            label="Actions"
            tone="requests"
            bars={stats.actions.map((a) => ({
              key: a.action,
              label: a.action,
              value: a.count,
              tone: ACTION_TONES[a.action] ?? 'requests',
            }))}
          />
        ) : null}
      </RankingCard>
      <RankingCard title="Gateway latency" empty="No requests in this range.">
        {stats.total > 0 ? (
          <BarList
            label="Gateway latency percentiles"
            tone="latency"
            bars={(['p50', 'p95', 'p99'] as const).map((p) => ({
              key: p,
              label: p,
              value: stats.latency[p],
              display: formatMs(stats.latency[p]),
            }))}
          />
        ) : null}
      </RankingCard>
    </div>
  );
}
