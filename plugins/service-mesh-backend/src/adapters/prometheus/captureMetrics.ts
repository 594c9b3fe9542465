import { COVERAGE_SERIES } from './coverageQueries';
import { PrometheusClient } from './PrometheusClient';

/** The raw series the metrics queries read (metricsQueries.ts), and their OpenMetrics type. */
const CAPTURED: Array<{ name: string; family: string; type: 'counter' | 'gauge' | 'histogram' | 'unknown' }> = [
  { name: 'response_total', family: 'response', type: 'counter' },
  { name: 'response_latency_ms_bucket', family: 'response_latency_ms', type: 'histogram' },
  { name: 'tcp_open_connections', family: 'tcp_open_connections', type: 'gauge' },
  { name: 'tcp_read_bytes_total', family: 'tcp_read_bytes', type: 'counter' },
  { name: 'tcp_write_bytes_total', family: 'tcp_write_bytes', type: 'counter' },
  { name: 'rustls_info', family: 'rustls_info', type: 'gauge' },
  { name: 'control_identity_cert_expiration_timestamp_seconds', family: 'control_identity_cert_expiration_timestamp_seconds', type: 'gauge' },
  { name: 'issuer_cert_ttl_seconds', family: 'issuer_cert_ttl_seconds', type: 'gauge' },
  // Sources other than proxies (coverageQueries.ts), read by the observability trigger.
  // A `_count` taken out of its histogram, and the NATS exporter's gauges, are recorded as `unknown`.
  ...COVERAGE_SERIES.map(name => (name.endsWith('_total') ? { name, family: name.slice(0, -'_total'.length), type: 'counter' as const } : { name, family: name, type: 'unknown' as const })),
];

function escape(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/**
 * Records the window `[end - windowSeconds, end]` of the series Meshlens reads, as OpenMetrics
 * text with timestamps in seconds ending `# EOF`: what a snapshot's `metrics/*.om` holds and
 * `promtool tsdb create-blocks-from openmetrics` accepts. One range query per metric name.
 */
export async function captureMetrics(client: PrometheusClient, end: number, windowSeconds: number, stepSeconds = 15): Promise<{ text: string; series: number }> {
  const lines: string[] = [];
  let series = 0;
  for (const m of CAPTURED) {
    const result = await client.range(m.name, end - windowSeconds, end, stepSeconds);
    if (result.length === 0) continue;
    lines.push(`# TYPE ${m.family} ${m.type}`);
    for (const s of result) {
      const labels = Object.entries(s.metric)
        .filter(([k]) => k !== '__name__')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k}="${escape(v)}"`)
        .join(',');
      for (const [t, v] of s.values) if (Number.isFinite(v)) lines.push(`${m.name}{${labels}} ${v} ${t}`);
      series++;
    }
  }
  return { text: [...lines, '# EOF', ''].join('\n'), series };
}
